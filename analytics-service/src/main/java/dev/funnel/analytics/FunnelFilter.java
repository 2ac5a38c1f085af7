package dev.funnel.analytics;

import dev.funnel.contracts.Channel;
import java.util.Objects;
import java.util.UUID;

/**
 * What a funnel counts: leads created in the window (and their stages and deals), awareness by its hour,
 * spend by its day; optionally of one campaign or one channel (null: all).
 */
public record FunnelFilter(Window window, UUID campaignId, Channel channel) {

    public FunnelFilter {
        Objects.requireNonNull(window, "window");
    }

    public static FunnelFilter of(Window window) {
        return new FunnelFilter(window, null, null);
    }
}
