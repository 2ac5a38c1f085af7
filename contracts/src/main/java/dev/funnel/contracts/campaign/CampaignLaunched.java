package dev.funnel.contracts.campaign;

import dev.funnel.contracts.Channel;
import dev.funnel.contracts.Required;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A campaign was created.
 *
 * @param budget   what may be spent on it, in {@code currency}
 * @param startsOn first day it runs
 * @param endsOn   last day it runs, absent when open-ended
 */
public record CampaignLaunched(UUID campaignId, String name, Channel channel, BigDecimal budget, String currency,
                               LocalDate startsOn, LocalDate endsOn, CampaignStatus status, Instant launchedAt)
        implements CampaignEvent {

    public CampaignLaunched {
        Required.check(campaignId, "campaignId");
        Required.check(name, "name");
        Required.check(channel, "channel");
        Required.check(budget, "budget");
        Required.check(currency, "currency");
        Required.check(startsOn, "startsOn");
        Required.check(status, "status");
        Required.check(launchedAt, "launchedAt");
    }
}
