package dev.funnel.contracts.pipeline;

import dev.funnel.contracts.Required;
import java.time.Instant;
import java.util.UUID;

/** A lead entered {@code LOST} from an open stage, for a reason. */
public record DealLost(UUID leadId, PipelineStage fromStage, LossReason reason, String by, String note,
                       Instant occurredAt) implements PipelineEvent {

    public DealLost {
        Required.check(leadId, "leadId");
        Required.check(fromStage, "fromStage");
        Required.check(reason, "reason");
        Required.check(by, "by");
        Required.check(occurredAt, "occurredAt");
    }
}
