package dev.funnel.contracts.campaign;

import dev.funnel.contracts.Required;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A campaign's name, budget or status changed; carries the whole changeable state after the change. */
public record CampaignChanged(UUID campaignId, String name, BigDecimal budget, String currency,
                              CampaignStatus status, Instant changedAt) implements CampaignEvent {

    public CampaignChanged {
        Required.check(campaignId, "campaignId");
        Required.check(name, "name");
        Required.check(budget, "budget");
        Required.check(currency, "currency");
        Required.check(status, "status");
        Required.check(changedAt, "changedAt");
    }
}
