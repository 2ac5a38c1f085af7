package dev.funnel.marketing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sums awareness signals per campaign and UTC hour, so ten thousand ad-platform rows become a
 * handful of events. Sums are exact: every count lands in exactly one hour of its campaign.
 */
public final class HourlyAwareness {

    /** The counts of one campaign in one hour. */
    public record Tally(UUID campaignId, Instant hour, long impressions, long clicks, long visits) {

        Tally plus(AwarenessKind kind, long count) {
            return switch (kind) {
                case IMPRESSION -> new Tally(campaignId, hour, Math.addExact(impressions, count), clicks, visits);
                case CLICK -> new Tally(campaignId, hour, impressions, Math.addExact(clicks, count), visits);
                case VISIT -> new Tally(campaignId, hour, impressions, clicks, Math.addExact(visits, count));
            };
        }
    }

    private record Bucket(UUID campaignId, Instant hour) {
    }

    /** One tally per campaign and hour that the signals touch, in the order they first appear. */
    public static List<Tally> sum(Collection<AwarenessSignal> signals) {
        Map<Bucket, Tally> tallies = new LinkedHashMap<>();
        for (AwarenessSignal signal : signals) {
            Bucket bucket = new Bucket(signal.campaignId(), hourOf(signal.occurredAt()));
            tallies.compute(bucket, (b, tally) ->
                    (tally == null ? new Tally(b.campaignId(), b.hour(), 0, 0, 0) : tally)
                            .plus(signal.kind(), signal.count()));
        }
        return List.copyOf(tallies.values());
    }

    /** The start of the UTC hour of {@code time}. */
    public static Instant hourOf(Instant time) {
        return time.truncatedTo(ChronoUnit.HOURS);
    }

    private HourlyAwareness() {
    }
}
