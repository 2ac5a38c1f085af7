package dev.funnel.sales.api;

import dev.funnel.sales.Rep;
import java.time.Instant;
import java.util.UUID;

/** A sales rep. */
public record RepView(UUID id, String name, String email, boolean active, Instant createdAt) {

    static RepView of(Rep rep) {
        return new RepView(rep.id, rep.name, rep.email, rep.active, rep.createdAt);
    }
}
