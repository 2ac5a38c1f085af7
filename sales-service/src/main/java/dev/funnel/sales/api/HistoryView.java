package dev.funnel.sales.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.funnel.contracts.Channel;
import dev.funnel.contracts.pipeline.LossReason;
import dev.funnel.contracts.pipeline.PipelineStage;
import dev.funnel.sales.HistoryEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One line of a lead's history; only the fields its kind has are present. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryView(HistoryEntry.Kind kind, PipelineStage fromStage, PipelineStage toStage, String by,
                          String note, BigDecimal amount, String currency, LossReason reason, Channel channel,
                          UUID campaignId, UUID referredLeadId, Instant occurredAt) {

    static HistoryView of(HistoryEntry entry) {
        return new HistoryView(entry.kind, entry.fromStage, entry.toStage, entry.by, entry.note, entry.amount,
                entry.currency, entry.lossReason, entry.channel, entry.campaignId, entry.referredLeadId,
                entry.occurredAt);
    }
}
