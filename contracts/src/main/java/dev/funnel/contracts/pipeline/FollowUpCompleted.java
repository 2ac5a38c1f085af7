package dev.funnel.contracts.pipeline;

import dev.funnel.contracts.Required;
import java.time.Instant;
import java.util.UUID;

/**
 * A scheduled call, email, meeting or check-in with a lead was done.
 *
 * @param ownerId the rep who owned it; absent when it had no owner
 * @param dueAt   when it was due
 * @param outcome what came of it, in the rep's words
 */
public record FollowUpCompleted(UUID followUpId, UUID leadId, FollowUpKind kind, UUID ownerId, Instant dueAt,
                                String outcome, Instant completedAt) implements PipelineEvent {

    public FollowUpCompleted {
        Required.check(followUpId, "followUpId");
        Required.check(leadId, "leadId");
        Required.check(kind, "kind");
        Required.check(dueAt, "dueAt");
        Required.check(outcome, "outcome");
        Required.check(completedAt, "completedAt");
    }
}
