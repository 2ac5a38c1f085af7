package dev.funnel.marketing;

import dev.funnel.contracts.Channel;
import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.campaign.CampaignStatus;
import dev.funnel.contracts.campaign.SpendRecorded;
import dev.funnel.marketing.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** Launching campaigns, changing them and recording what they cost; each change announced through the outbox. */
@ApplicationScoped
public class Campaigns {

    /** A campaign to launch, already validated. */
    public record NewCampaign(String name, Channel channel, BigDecimal budget, String currency,
                              LocalDate startsOn, LocalDate endsOn) {
    }

    /** What to change; absent fields stay as they are. */
    public record Change(String name, BigDecimal budget, CampaignStatus status) {
    }

    /** A campaign that has ended takes no more changes. */
    public static class CampaignEndedException extends RuntimeException {
        public CampaignEndedException(UUID id) {
            super("Campaign " + id + " has ended; an ended campaign cannot change.");
        }
    }

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional
    public Campaign launch(NewCampaign launch) {
        Campaign campaign = new Campaign();
        campaign.id = UUID.randomUUID();
        campaign.name = launch.name().strip();
        campaign.channel = launch.channel();
        campaign.budget = launch.budget();
        campaign.currency = launch.currency();
        campaign.startsOn = launch.startsOn();
        campaign.endsOn = launch.endsOn();
        campaign.status = CampaignStatus.ACTIVE;
        campaign.createdAt = clock.instant();
        campaign.persist();
        outbox.append(EventTypes.CAMPAIGN_LAUNCHED, campaign.id, campaign.launched(), campaign.createdAt);
        return campaign;
    }

    /** Empty when there is no such campaign. */
    @Transactional
    public Optional<Campaign> change(UUID id, Change change) {
        Optional<Campaign> found = Campaign.find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        found.ifPresent(campaign -> {
            if (campaign.status == CampaignStatus.ENDED) {
                throw new CampaignEndedException(id);
            }
            if (change.name() != null) {
                campaign.name = change.name().strip();
            }
            if (change.budget() != null) {
                campaign.budget = change.budget();
            }
            if (change.status() != null) {
                campaign.status = change.status();
            }
            Instant now = clock.instant();
            outbox.append(EventTypes.CAMPAIGN_CHANGED, campaign.id, campaign.changed(now), now);
        });
        return found;
    }

    /** Empty when there is no such campaign. */
    @Transactional
    public Optional<Spend> recordSpend(UUID campaignId, BigDecimal amount, String currency, LocalDate spentOn) {
        if (Campaign.findById(campaignId) == null) {
            return Optional.empty();
        }
        Spend spend = new Spend();
        spend.id = UUID.randomUUID();
        spend.campaignId = campaignId;
        spend.amount = amount;
        spend.currency = currency;
        spend.spentOn = spentOn;
        spend.recordedAt = clock.instant();
        spend.persist();
        outbox.append(EventTypes.SPEND_RECORDED, campaignId,
                new SpendRecorded(spend.id, campaignId, amount, currency, spentOn, spend.recordedAt), spend.recordedAt);
        return Optional.of(spend);
    }
}
