package dev.funnel.analytics.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayTargetTest {

    // partition "a" trimmed by retention to start at 40, "b" whole, "c" empty
    private final ReplayTarget<String> target = new ReplayTarget<>(Map.of("a", 40L, "b", 0L, "c", 0L),
            Map.of("a", 100L, "b", 25L, "c", 0L));

    @Test
    void theEventsAreTheRecordsStillOnThePartitionsNotTheEndOffsets() {
        assertThat(target.events()).isEqualTo(60 + 25);
    }

    @Test
    void aReaderWithoutPositionsHasEverythingLeft() {
        assertThat(target.remaining(Map.of())).isEqualTo(85);
        assertThat(target.reachedBy(Map.of())).isFalse();
    }

    @Test
    void everyPartitionHasToReachItsEnd() {
        assertThat(target.remaining(Map.of("a", 100L, "b", 20L, "c", 0L))).isEqualTo(5);
        assertThat(target.reachedBy(Map.of("a", 100L, "b", 20L, "c", 0L))).isFalse();
        assertThat(target.reachedBy(Map.of("a", 100L, "b", 25L, "c", 0L))).isTrue();
    }

    @Test
    void readingPastAnEndIsReachingItNotANegativeRemainder() {
        // records that arrived after the target was taken are read in the same polls
        assertThat(target.remaining(Map.of("a", 130L, "b", 24L, "c", 3L))).isEqualTo(1);
        assertThat(target.reachedBy(Map.of("a", 130L, "b", 26L, "c", 3L))).isTrue();
    }

    @Test
    void aLaterTargetKeepsTheStartsAndMovesTheEnds() {
        ReplayTarget<String> later = target.until(Map.of("a", 110L, "b", 25L, "c", 2L));

        assertThat(later.events()).isEqualTo(70 + 25 + 2);
        assertThat(later.remaining(Map.of("a", 100L, "b", 25L, "c", 0L))).isEqualTo(12);
    }
}
