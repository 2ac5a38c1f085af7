package dev.funnel.simulator;

import java.math.BigDecimal;
import java.util.List;

/** One campaign's day: what it spent and the awareness it bought, hour by hour (UTC hours 0-23). */
public record CampaignDay(int campaign, BigDecimal spend, List<HourlyAwareness> hours) {

    public CampaignDay {
        hours = List.copyOf(hours);
    }

    /** The awareness of one hour. */
    public record HourlyAwareness(int hour, long impressions, long clicks, long visits) {
    }

    public long impressions() {
        return hours.stream().mapToLong(HourlyAwareness::impressions).sum();
    }

    public long clicks() {
        return hours.stream().mapToLong(HourlyAwareness::clicks).sum();
    }

    public long visits() {
        return hours.stream().mapToLong(HourlyAwareness::visits).sum();
    }
}
