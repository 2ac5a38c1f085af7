package dev.funnel.analytics.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplayProgressTest {

    @Test
    void percentIsRoundedDown() {
        assertThat(new ReplayProgress(1, 3L, Duration.ofSeconds(1)).percent()).isEqualTo(33);
        assertThat(new ReplayProgress(2, 3L, Duration.ofSeconds(1)).percent()).isEqualTo(66);
    }

    @Test
    void eventsArrivingDuringTheRebuildDoNotTakeItPastAHundred() {
        assertThat(new ReplayProgress(130, 100L, Duration.ofSeconds(1)).percent()).isEqualTo(100);
    }

    @Test
    void nothingToReplayIsDoneAndAnUnknownTotalHasNoPercent() {
        assertThat(new ReplayProgress(0, 0L, Duration.ZERO).percent()).isEqualTo(100);
        assertThat(new ReplayProgress(0, null, Duration.ZERO).percent()).isNull();
    }

    @Test
    void theRateIsPerSecondOfTheWholeRebuild() {
        assertThat(new ReplayProgress(9_000, 50_000L, Duration.ofMillis(3_000)).perSecond()).isEqualTo(3_000);
        assertThat(new ReplayProgress(500, 50_000L, Duration.ofMillis(999)).perSecond()).isZero();
    }

    @Test
    void theLogLineSaysHowFarAndHowFast() {
        assertThat(new ReplayProgress(12_345, 50_000L, Duration.ofSeconds(5)).describe())
                .isEqualTo("12345 of 50000 events (24%), 2469/s");
        assertThat(new ReplayProgress(10, null, Duration.ofSeconds(1)).describe()).isEqualTo("10 events, 10/s");
    }
}
