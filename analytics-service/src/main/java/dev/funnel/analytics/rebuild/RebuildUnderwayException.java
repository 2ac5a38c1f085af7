package dev.funnel.analytics.rebuild;

import java.util.UUID;

/** A rebuild was asked for while another is underway (on any instance). Answered with 409 naming it. */
public class RebuildUnderwayException extends RuntimeException {

    private final UUID underway;

    public RebuildUnderwayException(UUID underway) {
        super(underway == null
                ? "another rebuild was underway and has just ended; ask again"
                : "rebuild " + underway + " is underway; follow it at /api/analytics/rebuild/" + underway);
        this.underway = underway;
    }

    public UUID underway() {
        return underway;
    }
}
