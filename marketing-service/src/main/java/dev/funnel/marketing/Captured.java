package dev.funnel.marketing;

import java.util.UUID;

/** What capturing a lead came to: a new lead, or a new touch on the lead that already had that email. */
public record Captured(UUID id, Outcome outcome) {

    public enum Outcome {
        CREATED, DUPLICATE
    }

    /** The outcome as the API spells it: {@code created} or {@code duplicate}. */
    public String outcomeName() {
        return outcome.name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean created() {
        return outcome == Outcome.CREATED;
    }
}
