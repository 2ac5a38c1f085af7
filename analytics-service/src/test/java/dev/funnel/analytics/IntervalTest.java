package dev.funnel.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IntervalTest {

    private static final Instant WEDNESDAY_NOON = Instant.parse("2030-01-16T12:00:00Z");

    @Test
    void bucketsStartAtUtcMidnightOnMondayAndOnTheFirst() {
        assertThat(Interval.DAY.bucketOf(WEDNESDAY_NOON)).isEqualTo(Instant.parse("2030-01-16T00:00:00Z"));
        assertThat(Interval.WEEK.bucketOf(WEDNESDAY_NOON)).isEqualTo(Instant.parse("2030-01-14T00:00:00Z"));
        assertThat(Interval.MONTH.bucketOf(WEDNESDAY_NOON)).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
    }

    @Test
    void nextBucketFollowsTheCalendar() {
        assertThat(Interval.DAY.next(Instant.parse("2030-01-31T00:00:00Z"))).isEqualTo(Instant.parse("2030-02-01T00:00:00Z"));
        assertThat(Interval.WEEK.next(Instant.parse("2030-01-14T00:00:00Z"))).isEqualTo(Instant.parse("2030-01-21T00:00:00Z"));
        assertThat(Interval.MONTH.next(Instant.parse("2030-01-01T00:00:00Z"))).isEqualTo(Instant.parse("2030-02-01T00:00:00Z"));
    }

    @Test
    void namesAreReadWithoutRegardToCase() {
        assertThat(Interval.named("week")).contains(Interval.WEEK);
        assertThat(Interval.named("fortnight")).isEmpty();
    }
}
