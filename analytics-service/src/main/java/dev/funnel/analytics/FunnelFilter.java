package dev.funnel.analytics;

import dev.funnel.contracts.Channel;
import java.time.Instant;
import java.util.UUID;

/**
 * Which leads a funnel counts: created in {@code [from, to)}, of one campaign, of one channel.
 * Each part is optional; null means unbounded.
 */
public record FunnelFilter(Instant from, Instant to, UUID campaignId, Channel channel) {

    public FunnelFilter {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from " + from + " must be before to " + to);
        }
    }
}
