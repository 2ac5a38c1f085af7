package dev.funnel.marketing.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CallerRateLimitTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    private static final long MINUTE = Duration.ofMinutes(1).toNanos();

    /** Starts far from zero and negative, as System.nanoTime may. */
    private final AtomicLong clock = new AtomicLong(-5_000 * SECOND);

    private CallerRateLimit limit(double perSecond, int burst) {
        return new CallerRateLimit(perSecond, burst, MINUTE, clock::get);
    }

    @Test
    void aRestedCallerMaySendItsBurstAtOnceAndNoMore() {
        CallerRateLimit limit = limit(10, 5);
        for (int i = 0; i < 5; i++) {
            assertThat(limit.take("form-backend")).as("request %d", i + 1).isZero();
        }
        assertThat(limit.take("form-backend")).isEqualTo(SECOND / 10);
    }

    @Test
    void tokensComeBackAtTheConfiguredRate() {
        CallerRateLimit limit = limit(10, 5);
        for (int i = 0; i < 5; i++) {
            limit.take("form-backend");
        }
        clock.addAndGet(SECOND / 10 - 1);
        assertThat(limit.take("form-backend")).isEqualTo(1);
        clock.addAndGet(1);
        assertThat(limit.take("form-backend")).isZero();
        assertThat(limit.take("form-backend")).isEqualTo(SECOND / 10);

        clock.addAndGet(SECOND / 2); // half a second: five tokens back, the bucket full again
        for (int i = 0; i < 5; i++) {
            assertThat(limit.take("form-backend")).as("request %d after the pause", i + 1).isZero();
        }
        assertThat(limit.take("form-backend")).isPositive();
    }

    @Test
    void aLongRestFillsTheBucketNoFurtherThanTheBurst() {
        CallerRateLimit limit = limit(10, 3);
        limit.take("form-backend");
        clock.addAndGet(50 * SECOND);
        for (int i = 0; i < 3; i++) {
            assertThat(limit.take("form-backend")).isZero();
        }
        assertThat(limit.take("form-backend")).isPositive();
    }

    @Test
    void aRefusedRequestTakesNoToken() {
        CallerRateLimit limit = limit(1, 1);
        assertThat(limit.take("form-backend")).isZero();
        for (int i = 0; i < 100; i++) {
            assertThat(limit.take("form-backend")).isEqualTo(SECOND);
        }
        clock.addAndGet(SECOND);
        assertThat(limit.take("form-backend")).isZero();
    }

    @Test
    void callersHaveBucketsOfTheirOwn() {
        CallerRateLimit limit = limit(1, 2);
        limit.take("noisy");
        limit.take("noisy");
        assertThat(limit.take("noisy")).isPositive();
        assertThat(limit.take("quiet")).isZero();
        assertThat(limit.take("quiet")).isZero();
    }

    @Test
    void retryAfterIsTheWaitInWholeSecondsRoundedUp() {
        assertThat(CallerRateLimit.retryAfterSeconds(1)).isEqualTo(1);
        assertThat(CallerRateLimit.retryAfterSeconds(SECOND)).isEqualTo(1);
        assertThat(CallerRateLimit.retryAfterSeconds(SECOND + 1)).isEqualTo(2);
        assertThat(CallerRateLimit.retryAfterSeconds(59 * SECOND + SECOND / 2)).isEqualTo(60);
    }

    @Test
    void aSlowRateAsksForALongWait() {
        CallerRateLimit limit = limit(0.1, 1);
        limit.take("form-backend");
        assertThat(CallerRateLimit.retryAfterSeconds(limit.take("form-backend"))).isEqualTo(10);
        clock.addAndGet(2_500_000_000L);
        assertThat(CallerRateLimit.retryAfterSeconds(limit.take("form-backend"))).isEqualTo(8);
    }

    @Test
    void idleCallersBucketsAreDroppedAndBusyOnesKept() {
        CallerRateLimit limit = limit(1, 10);
        for (int i = 0; i < 1_000; i++) {
            limit.take("caller-" + i);
        }
        for (int i = 0; i < 5; i++) {
            limit.take("busy"); // full again only 5 s after the others' rest has begun
        }
        assertThat(limit.callers()).isEqualTo(1_001);

        clock.addAndGet(MINUTE + 2 * SECOND);
        for (int i = 0; i < 10; i++) {
            limit.take("busy"); // drains it: its bucket is far from full, so it stays
        }
        assertThat(limit.callers()).isEqualTo(1);
        assertThat(limit.take("busy")).as("the kept bucket remembers it is empty").isPositive();
    }

    @Test
    void aDroppedCallerComesBackWithAFullBucket() {
        CallerRateLimit limit = limit(1, 2);
        limit.take("returning");
        limit.take("returning");
        clock.addAndGet(2 * MINUTE);
        limit.take("someone-else"); // the sweep runs on whichever request comes along
        assertThat(limit.callers()).isEqualTo(1);
        assertThat(limit.take("returning")).isZero();
        assertThat(limit.take("returning")).isZero();
        assertThat(limit.take("returning")).isPositive();
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> limit(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limit(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
