package dev.funnel.contracts.pipeline;

import dev.funnel.contracts.Required;
import java.time.Instant;
import java.util.UUID;

/**
 * A lead entered {@code DISQUALIFIED}: its score stayed below the threshold, or a rep overrode the rules.
 *
 * @param fromStage the stage it left ({@code NEW}, or {@code QUALIFIED} on an override)
 * @param by        who decided: {@code scoring} for the rules, otherwise the rep
 */
public record LeadDisqualified(UUID leadId, PipelineStage fromStage, Integer score, Integer threshold, String by,
                               Instant occurredAt) implements PipelineEvent {

    public LeadDisqualified {
        Required.check(leadId, "leadId");
        Required.check(fromStage, "fromStage");
        Required.check(score, "score");
        Required.check(threshold, "threshold");
        Required.check(by, "by");
        Required.check(occurredAt, "occurredAt");
    }
}
