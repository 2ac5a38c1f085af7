package dev.funnel.load.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    private static final UnaryOperator<String> TOKEN_IN_ENVIRONMENT =
            name -> name.equals("FUNNEL_TOKEN") ? "from-the-environment" : null;

    @Test
    void defaultsToAThousandLeadsASecondForAMinute() {
        BenchOptions options = BenchOptions.parse(TOKEN_IN_ENVIRONMENT);

        assertThat(options.rate()).isEqualTo(1000);
        assertThat(options.seconds()).isEqualTo(60);
        assertThat(options.connections()).isEqualTo(64);
        assertThat(options.flatOut()).isFalse();
    }

    @Test
    void flatOutAndTheLaterOptionWin() {
        BenchOptions options = BenchOptions.parse(TOKEN_IN_ENVIRONMENT, "--rate", "500", "--flat-out", "--seconds", "5", "--seconds", "20",
                "--postgres", "jdbc:postgresql://db:5432");

        assertThat(options.flatOut()).isTrue();
        assertThat(options.seconds()).isEqualTo(20);
        assertThat(options.postgres()).isEqualTo("jdbc:postgresql://db:5432/");
    }

    @Test
    void namesTheOptionItCannotRead() {
        assertThatThrownBy(() -> BenchOptions.parse(TOKEN_IN_ENVIRONMENT, "--rate", "fast")).hasMessageContaining("--rate");
        assertThatThrownBy(() -> BenchOptions.parse(TOKEN_IN_ENVIRONMENT, "--connections", "0")).hasMessageContaining("--connections");
        assertThatThrownBy(() -> BenchOptions.parse(TOKEN_IN_ENVIRONMENT, "--seconds")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BenchOptions.parse(TOKEN_IN_ENVIRONMENT, "--speed", "1")).hasMessageContaining("unknown option --speed");
    }

    @Test
    void theTokenComesFromTheEnvironmentUnlessGivenAsAnOption() {
        assertThat(BenchOptions.parse(TOKEN_IN_ENVIRONMENT).token()).isEqualTo("from-the-environment");
        assertThat(BenchOptions.parse(TOKEN_IN_ENVIRONMENT, "--token", "from-the-option").token())
                .isEqualTo("from-the-option");
        assertThat(BenchOptions.parse(TOKEN_IN_ENVIRONMENT, "--token", "secret").toString()).doesNotContain("secret");
    }

    @Test
    void withoutATokenTheRolesTheBenchNeedsAreNamed() {
        assertThatThrownBy(() -> BenchOptions.parse(name -> null))
                .hasMessageContaining("no token")
                .hasMessageContaining("lead-intake, marketer, analyst")
                .hasMessageContaining("./funnel token lead-intake,marketer,analyst");
    }
}
