package dev.funnel.marketing.api;

import dev.funnel.contracts.Channel;
import dev.funnel.contracts.campaign.CampaignStatus;
import dev.funnel.marketing.Campaign;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A campaign as the API shows it. */
public record CampaignView(UUID id, String name, Channel channel, BigDecimal budget, String currency,
                           LocalDate startsOn, LocalDate endsOn, CampaignStatus status, Instant createdAt) {

    static CampaignView of(Campaign c) {
        return new CampaignView(c.id, c.name, c.channel, c.budget, c.currency, c.startsOn, c.endsOn, c.status, c.createdAt);
    }
}
