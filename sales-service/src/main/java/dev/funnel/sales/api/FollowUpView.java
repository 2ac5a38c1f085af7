package dev.funnel.sales.api;

import dev.funnel.contracts.pipeline.FollowUpKind;
import dev.funnel.sales.FollowUp;
import java.time.Instant;
import java.util.UUID;

/** A follow-up; {@code completedAt}, {@code completedBy} and {@code outcome} are null while it is open. */
public record FollowUpView(UUID id, UUID leadId, FollowUpKind kind, UUID ownerId, Instant dueAt, String note,
                           String createdBy, Instant createdAt, Instant completedAt, String completedBy,
                           String outcome) {

    static FollowUpView of(FollowUp followUp) {
        return new FollowUpView(followUp.id, followUp.leadId, followUp.kind, followUp.ownerId, followUp.dueAt,
                followUp.note, followUp.createdBy, followUp.createdAt, followUp.completedAt, followUp.completedBy,
                followUp.outcome);
    }
}
