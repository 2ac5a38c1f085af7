package dev.funnel.contracts.pipeline;

import dev.funnel.contracts.Required;
import java.time.Instant;
import java.util.UUID;

/**
 * A lead entered {@code QUALIFIED}: its score reached the threshold, or a rep overrode the rules.
 *
 * @param fromStage  the stage it left ({@code NEW}, or {@code DISQUALIFIED} on an override)
 * @param score      its score when qualified
 * @param threshold  the qualification threshold of the rules that scored it
 * @param ownerId    the rep it was assigned to; absent when no rep was active
 * @param by         who decided: {@code scoring} for the rules, otherwise the rep
 */
public record LeadQualified(UUID leadId, PipelineStage fromStage, Integer score, Integer threshold, UUID ownerId,
                            String by, Instant occurredAt) implements PipelineEvent {

    public LeadQualified {
        Required.check(leadId, "leadId");
        Required.check(fromStage, "fromStage");
        Required.check(score, "score");
        Required.check(threshold, "threshold");
        Required.check(by, "by");
        Required.check(occurredAt, "occurredAt");
    }
}
