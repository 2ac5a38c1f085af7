package dev.funnel.marketing;

import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.TimeOrderedIds;
import dev.funnel.contracts.campaign.AwarenessRecorded;
import dev.funnel.marketing.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Records awareness signals: summed per campaign and hour, stored and announced in one transaction. */
@ApplicationScoped
public class AwarenessRecording {

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** The hourly tallies stored and announced; every signal's campaign must exist. */
    @Transactional
    public List<HourlyAwareness.Tally> record(Collection<AwarenessSignal> signals) {
        Instant now = clock.instant();
        List<HourlyAwareness.Tally> tallies = HourlyAwareness.sum(signals);
        for (HourlyAwareness.Tally tally : tallies) {
            AwarenessHour row = new AwarenessHour();
            row.id = TimeOrderedIds.next();
            row.campaignId = tally.campaignId();
            row.hour = tally.hour();
            row.impressions = tally.impressions();
            row.clicks = tally.clicks();
            row.visits = tally.visits();
            row.recordedAt = now;
            row.persist();
            outbox.append(EventTypes.AWARENESS_RECORDED, row.campaignId,
                    new AwarenessRecorded(row.id, row.campaignId, row.hour, row.impressions, row.clicks, row.visits,
                            now),
                    row.hour);
        }
        return tallies;
    }
}
