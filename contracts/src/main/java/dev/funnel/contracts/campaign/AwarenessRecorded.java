package dev.funnel.contracts.campaign;

import dev.funnel.contracts.Required;
import java.time.Instant;
import java.util.UUID;

/**
 * Impressions, clicks and visits of one campaign in one hour, summed over the entries of one
 * {@code POST /api/awareness}. Counts add up: a consumer sums every event it has not seen before
 * (by CloudEvents id), so no count is lost or counted twice.
 *
 * @param awarenessId this tally's id, unique per event
 * @param hour        the start of the UTC hour the counts happened in; analytics counts them there
 */
public record AwarenessRecorded(UUID awarenessId, UUID campaignId, Instant hour, Long impressions, Long clicks,
                                Long visits, Instant recordedAt) implements CampaignEvent {

    public AwarenessRecorded {
        Required.check(awarenessId, "awarenessId");
        Required.check(campaignId, "campaignId");
        Required.check(hour, "hour");
        Required.check(impressions, "impressions");
        Required.check(clicks, "clicks");
        Required.check(visits, "visits");
        Required.check(recordedAt, "recordedAt");
    }
}
