package dev.funnel.analytics;

/** How the figures of a window are split: not at all, per campaign, per channel, or per time bucket. */
public sealed interface Grouping {

    /** One total, under the key {@code ""}. */
    record Total() implements Grouping {
    }

    /** Per campaign, keyed by campaign id; leads without a campaign under {@link Rollups#NO_CAMPAIGN}. */
    record ByCampaign() implements Grouping {
    }

    /** Per channel, keyed by its name: a lead's own channel, a campaign's for its spend and awareness. */
    record ByChannel() implements Grouping {
    }

    /** Per bucket of the interval, keyed by the bucket's start in epoch seconds. */
    record ByBucket(Interval interval) implements Grouping {
    }

    Grouping TOTAL = new Total();
    Grouping BY_CAMPAIGN = new ByCampaign();
    Grouping BY_CHANNEL = new ByChannel();
}
