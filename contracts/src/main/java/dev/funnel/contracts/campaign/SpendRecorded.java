package dev.funnel.contracts.campaign;

import dev.funnel.contracts.Required;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Money was spent on a campaign.
 *
 * @param spendId  this spend's id, so a consumer can tell two equal spends from one delivered twice
 * @param spentOn  the day the money was spent, which is when analytics counts it
 */
public record SpendRecorded(UUID spendId, UUID campaignId, BigDecimal amount, String currency, LocalDate spentOn,
                            Instant recordedAt) implements CampaignEvent {

    public SpendRecorded {
        Required.check(spendId, "spendId");
        Required.check(campaignId, "campaignId");
        Required.check(amount, "amount");
        Required.check(currency, "currency");
        Required.check(spentOn, "spentOn");
        Required.check(recordedAt, "recordedAt");
    }
}
