package dev.funnel.marketing.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When a lead-capture committer waits for more leads before it commits. */
class GroupLingerTest {

    private static final Duration FIVE_MS = Duration.ofMillis(5);

    @Test
    void aLoneLeadOrAFewWaitForMore() {
        assertThat(GroupedCapture.lingers(1, FIVE_MS)).isTrue();
        assertThat(GroupedCapture.lingers(GroupedCapture.SMALL_GROUP - 1, FIVE_MS)).isTrue();
    }

    @Test
    void aGroupThatGatheredWhileTheCommitterWasBusyGoesAtOnce() {
        assertThat(GroupedCapture.lingers(GroupedCapture.SMALL_GROUP, FIVE_MS)).isFalse();
        assertThat(GroupedCapture.lingers(200, FIVE_MS)).isFalse();
    }

    @Test
    void noLingerMeansEveryGroupGoesAtOnce() {
        assertThat(GroupedCapture.lingers(1, Duration.ZERO)).isFalse();
    }
}
