package dev.funnel.analytics;

import dev.funnel.contracts.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Measures funnels from the rollups: one for a filter, one per campaign, one per channel, one metric over time. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MeasuringFunnel {

    /** More buckets than this is a request for a longer interval or a shorter window. */
    public static final int MAX_BUCKETS = 5_000;

    /** A campaign's funnel, with what marketing said about the campaign (null when its launch is not known yet). */
    public record CampaignFunnel(UUID campaignId, Campaign campaign, Funnel funnel) {
    }

    /** One bucket of a time series: its start and the metric's value over it. */
    public record Bucket(Instant start, Number value) {
    }

    /** The window holds more buckets of this interval than {@link #MAX_BUCKETS}. */
    public static class TooManyBucketsException extends RuntimeException {
        public TooManyBucketsException(long buckets) {
            super("the window holds " + buckets + " buckets, more than " + MAX_BUCKETS);
        }
    }

    @Inject
    Rollups rollups;

    public Funnel measure(FunnelFilter filter) {
        return Funnel.of(rollups.counts(filter, Grouping.TOTAL).getOrDefault("", Funnel.Counts.NONE));
    }

    /** Every known campaign, and every campaign with figures in the window, by name. */
    public List<CampaignFunnel> perCampaign(Window window) {
        Map<String, Funnel.Counts> counts = rollups.counts(FunnelFilter.of(window), Grouping.BY_CAMPAIGN);
        Map<UUID, Campaign> known = new HashMap<>();
        Campaign.<Campaign>listAll().forEach(campaign -> known.put(campaign.campaignId, campaign));
        Set<UUID> ids = new TreeSet<>(known.keySet());
        counts.keySet().stream().map(UUID::fromString).filter(id -> !id.equals(Rollups.NO_CAMPAIGN)).forEach(ids::add);
        List<CampaignFunnel> funnels = new ArrayList<>();
        for (UUID id : ids) {
            funnels.add(new CampaignFunnel(id, known.get(id),
                    Funnel.of(counts.getOrDefault(id.toString(), Funnel.Counts.NONE))));
        }
        funnels.sort(Comparator.comparing((CampaignFunnel f) -> f.campaign() == null ? null : f.campaign().name,
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(CampaignFunnel::campaignId));
        return funnels;
    }

    /** A funnel for every channel, in the order of {@link Channel}, those without figures too. */
    public Map<Channel, Funnel> perChannel(Window window) {
        Map<String, Funnel.Counts> counts = rollups.counts(FunnelFilter.of(window), Grouping.BY_CHANNEL);
        Map<Channel, Funnel> funnels = new LinkedHashMap<>();
        for (Channel channel : Channel.values()) {
            funnels.put(channel, Funnel.of(counts.getOrDefault(channel.name(), Funnel.Counts.NONE)));
        }
        return funnels;
    }

    /**
     * The metric per bucket of the window, every bucket present. The series starts at the first bucket with
     * figures when the window starts earlier, so an unbounded window does not list empty decades.
     */
    public List<Bucket> series(Window window, Interval interval, FunnelMetric metric) {
        Instant from = rollups.firstCounted().filter(window.from()::isBefore).orElse(window.from());
        if (!from.isBefore(window.to())) {
            return List.of();
        }
        Window counted = new Window(from, window.to());
        List<Instant> starts = new ArrayList<>();
        for (Instant start = interval.bucketOf(from); start.isBefore(window.to()); start = interval.next(start)) {
            if (starts.size() == MAX_BUCKETS) {
                throw new TooManyBucketsException(starts.size() + 1L);
            }
            starts.add(start);
        }
        Map<String, Funnel.Counts> counts = rollups.counts(FunnelFilter.of(counted), new Grouping.ByBucket(interval));
        return starts.stream()
                .map(start -> new Bucket(start, metric.valueIn(Funnel.of(
                        counts.getOrDefault(Long.toString(start.getEpochSecond()), Funnel.Counts.NONE)))))
                .toList();
    }
}
