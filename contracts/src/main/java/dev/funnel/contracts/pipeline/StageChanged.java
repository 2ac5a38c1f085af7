package dev.funnel.contracts.pipeline;

import dev.funnel.contracts.Required;
import java.time.Instant;
import java.util.UUID;

/**
 * A lead moved along the pipeline to {@code CONTACTED}, {@code PROPOSAL} or {@code NEGOTIATION}
 * (qualification and closing have events of their own).
 *
 * @param by   who moved it
 * @param note what the rep wrote about the move, if anything
 */
public record StageChanged(UUID leadId, PipelineStage fromStage, PipelineStage toStage, String by, String note,
                           Instant occurredAt) implements PipelineEvent {

    public StageChanged {
        Required.check(leadId, "leadId");
        Required.check(fromStage, "fromStage");
        Required.check(toStage, "toStage");
        Required.check(by, "by");
        Required.check(occurredAt, "occurredAt");
    }
}
