package dev.funnel.analytics.messaging;

import dev.funnel.analytics.Campaign;
import dev.funnel.analytics.Rollups;
import dev.funnel.contracts.Channel;
import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.campaign.AwarenessRecorded;
import dev.funnel.contracts.campaign.CampaignChanged;
import dev.funnel.contracts.campaign.CampaignEvent;
import dev.funnel.contracts.campaign.CampaignLaunched;
import dev.funnel.contracts.campaign.SpendRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/** Turns one event of {@code marketing.campaigns} into the campaign's description, spend and awareness, once per event id. */
@ApplicationScoped
public class CampaignEventHandler {

    private static final Logger LOG = Logger.getLogger(CampaignEventHandler.class);

    @Inject
    Inbox inbox;

    @Inject
    Rollups rollups;

    /** Applies the event once; false for an event applied before, which changes nothing. */
    @Transactional
    public boolean handle(CloudEvent event, CampaignEvent payload) {
        if (!inbox.firstDelivery(event.id())) {
            LOG.debugf("event %s (subject %s) was processed before, skipped", event.id(), event.subject());
            return false;
        }
        switch (payload) {
            case CampaignLaunched launched -> launched(launched);
            // carries no channel: a change before the launch files the campaign under OTHER, where its sums already are
            case CampaignChanged changed -> Campaign.recordChanged(changed.campaignId(), changed.name(),
                    changed.budget(), changed.currency(), changed.status(), changed.changedAt());
            case SpendRecorded spend -> rollups.addSpend(spend.spendId(), spend.campaignId(), spend.amount(), spend.spentOn());
            // counts add up: each report not seen before (the inbox) is added to its hour
            case AwarenessRecorded awareness -> rollups.addAwareness(awareness.campaignId(), awareness.hour(),
                    awareness.impressions(), awareness.clicks(), awareness.visits());
        }
        return true;
    }

    /**
     * Records the campaign and, when the launch names a channel other than the one its awareness and spend counted
     * under so far (OTHER while the launch was not known), moves their sums there, so the channel figures come out
     * the same whatever arrived first.
     */
    private void launched(CampaignLaunched launched) {
        rollups.lockCampaign(launched.campaignId());
        Channel before = Campaign.channelOf(launched.campaignId());
        Campaign.recordLaunched(launched.campaignId(), launched.name(), launched.channel(), launched.budget(),
                launched.currency(), launched.status(), launched.launchedAt());
        rollups.moveCampaign(launched.campaignId(), before, launched.channel());
    }
}
