package dev.funnel.load.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    private static final long MS = 1_000_000;
    private static final long SECOND = 1_000_000_000;

    @Test
    void percentilesAreNearestRankOverTheValues() {
        long[] oneToHundred = new long[100];
        for (int i = 0; i < 100; i++) {
            oneToHundred[i] = i + 1;
        }
        assertThat(Latencies.percentile(oneToHundred, 50)).isEqualTo(50);
        assertThat(Latencies.percentile(oneToHundred, 99)).isEqualTo(99);
        assertThat(Latencies.percentile(oneToHundred, 100)).isEqualTo(100);
        assertThat(Latencies.percentile(new long[] {7}, 99)).isEqualTo(7);
        assertThat(Latencies.percentile(new long[] {1, 2, 3}, 50)).isEqualTo(2);
        assertThat(Latencies.percentile(new long[] {1, 2, 3, 4}, 50)).isEqualTo(2);
        assertThat(Latencies.percentile(new long[0], 50)).isZero();
    }

    @Test
    void aFewSlowValuesMoveP99ButNotP50() {
        Latencies latencies = new Latencies();
        for (int i = 0; i < 990; i++) {
            latencies.record(0, 10 * MS);
        }
        for (int i = 0; i < 10; i++) {
            latencies.record(0, 900 * MS);
        }

        Latencies.Figures all = latencies.overall();

        assertThat(all.count()).isEqualTo(1000);
        assertThat(all.p50()).isEqualTo(10.0);
        assertThat(all.p99()).isEqualTo(10.0); // the 990th value; one more slow one would make it 900
        assertThat(all.max()).isEqualTo(900.0);
        latencies.record(0, 900 * MS);
        assertThat(latencies.overall().p99()).isEqualTo(900.0);
    }

    @Test
    void valuesAreFiledUnderTheSecondTheyHappenedInWithEmptySecondsKept() {
        Latencies latencies = new Latencies();
        latencies.record(0, 5 * MS);
        latencies.record(SECOND - 1, 7 * MS);
        latencies.record(SECOND, 40 * MS);
        latencies.record(3 * SECOND + 500 * MS, 2 * MS);
        latencies.record(9 * SECOND, 1000 * MS); // after the run: counted overall, not per second

        List<Latencies.Figures> rows = latencies.perSecond(4);

        assertThat(rows).extracting(Latencies.Figures::second).containsExactly(0, 1, 2, 3);
        assertThat(rows).extracting(Latencies.Figures::count).containsExactly(2, 1, 0, 1);
        assertThat(rows.get(0).p50()).isEqualTo(5.0);
        assertThat(rows.get(0).p99()).isEqualTo(7.0);
        assertThat(rows.get(1).p99()).isEqualTo(40.0);
        assertThat(rows.get(2).p50()).isZero();
        assertThat(rows.get(3).max()).isEqualTo(2.0);
        assertThat(latencies.overall().count()).isEqualTo(5);
    }

    @Test
    void keepsEveryValueBeyondItsFirstCapacity() {
        Latencies latencies = new Latencies();
        for (int i = 1; i <= 5000; i++) {
            latencies.record(i * MS, i * MS);
        }

        assertThat(latencies.count()).isEqualTo(5000);
        assertThat(latencies.perSecond(6)).extracting(Latencies.Figures::count).containsExactly(999, 1000, 1000, 1000, 1000, 1);
        assertThat(latencies.overall().p99()).isEqualTo(4950.0);
    }

    @Test
    void refusesAValueFromBeforeTheRun() {
        assertThatThrownBy(() -> new Latencies().record(-1, MS)).isInstanceOf(IllegalArgumentException.class);
    }
}
