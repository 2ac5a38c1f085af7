package dev.funnel.contracts.lead;

import dev.funnel.contracts.Required;
import dev.funnel.contracts.Channel;
import java.time.Instant;
import java.util.UUID;

/**
 * A known lead came back through a campaign: one more touch for multi-touch attribution.
 *
 * @param campaignId the campaign of this touch; absent when it could not be resolved
 * @param channel    that campaign's channel, {@code OTHER} when unknown
 * @param utm        the UTM parameters of this touch as posted
 * @param occurredAt when the touch happened
 */
public record LeadEngaged(UUID leadId, UUID campaignId, Channel channel, Utm utm, Instant occurredAt)
        implements LeadEvent {

    public LeadEngaged {
        Required.check(leadId, "leadId");
        Required.check(channel, "channel");
        Required.check(occurredAt, "occurredAt");
    }
}
