package dev.funnel.contracts.pipeline;

import dev.funnel.contracts.Required;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A lead entered {@code WON}: the deal closed.
 *
 * @param amount the deal's value, greater than zero, in {@code currency}
 */
public record DealWon(UUID leadId, PipelineStage fromStage, BigDecimal amount, String currency, String by,
                      String note, Instant occurredAt) implements PipelineEvent {

    public DealWon {
        Required.check(leadId, "leadId");
        Required.check(fromStage, "fromStage");
        Required.check(amount, "amount");
        Required.check(currency, "currency");
        Required.check(by, "by");
        Required.check(occurredAt, "occurredAt");
    }
}
