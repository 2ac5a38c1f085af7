package dev.funnel.load.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void defaultsToAThousandLeadsASecondForAMinute() {
        BenchOptions options = BenchOptions.parse();

        assertThat(options.rate()).isEqualTo(1000);
        assertThat(options.seconds()).isEqualTo(60);
        assertThat(options.connections()).isEqualTo(64);
        assertThat(options.flatOut()).isFalse();
    }

    @Test
    void flatOutAndTheLaterOptionWin() {
        BenchOptions options = BenchOptions.parse("--rate", "500", "--flat-out", "--seconds", "5", "--seconds", "20",
                "--postgres", "jdbc:postgresql://db:5432");

        assertThat(options.flatOut()).isTrue();
        assertThat(options.seconds()).isEqualTo(20);
        assertThat(options.postgres()).isEqualTo("jdbc:postgresql://db:5432/");
    }

    @Test
    void namesTheOptionItCannotRead() {
        assertThatThrownBy(() -> BenchOptions.parse("--rate", "fast")).hasMessageContaining("--rate");
        assertThatThrownBy(() -> BenchOptions.parse("--connections", "0")).hasMessageContaining("--connections");
        assertThatThrownBy(() -> BenchOptions.parse("--seconds")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BenchOptions.parse("--speed", "1")).hasMessageContaining("unknown option --speed");
    }
}
