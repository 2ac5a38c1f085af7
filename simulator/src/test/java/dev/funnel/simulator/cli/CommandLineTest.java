package dev.funnel.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.funnel.simulator.play.Simulation;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    private static final UnaryOperator<String> TOKEN_IN_ENVIRONMENT =
            name -> name.equals("FUNNEL_TOKEN") ? "from-the-environment" : null;
    private static final UnaryOperator<String> NO_ENVIRONMENT = name -> null;

    @Test
    void everyOptionHasADefaultForALocalFunnel() {
        Simulation.Options options = CommandLine.parse(new String[0], null, TOKEN_IN_ENVIRONMENT).options();

        assertThat(options.marketing()).isEqualTo(URI.create("http://localhost:8081/"));
        assertThat(options.sales()).isEqualTo(URI.create("http://localhost:8082/"));
        assertThat(options.analytics()).isEqualTo(URI.create("http://localhost:8083/"));
        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(3));
        assertThat(options.plan().days()).isEqualTo(60); // 3 minutes at 20 days a minute
        assertThat(options.plan().seed()).isEqualTo(1);
        assertThat(options.runTag()).matches("[a-z0-9]+");
    }

    @Test
    void theDurationAndPaceSetThePlansLength() {
        CommandLine command = CommandLine.parse(new String[] {"--duration", "45s", "--days-per-minute", "60",
                "--seed", "7", "--leads-per-day", "12.5", "--campaigns", "4", "--sales", "http://sales:9000",
                "--summary-json", "ledger.json", "--run-tag", "ci1"}, null, TOKEN_IN_ENVIRONMENT);

        assertThat(command.options().plan().days()).isEqualTo(45);
        assertThat(command.options().plan().seed()).isEqualTo(7);
        assertThat(command.options().plan().leadsPerDay()).isEqualTo(12.5);
        assertThat(command.options().plan().campaigns()).isEqualTo(4);
        assertThat(command.options().sales().resolve("/api/leads")).isEqualTo(URI.create("http://sales:9000/api/leads"));
        assertThat(command.options().runTag()).isEqualTo("ci1");
        assertThat(command.summaryJson()).isEqualTo(Path.of("ledger.json"));
    }

    @Test
    void theTokenComesFromTheEnvironmentUnlessGivenAsAnOption() {
        assertThat(CommandLine.parse(new String[0], null, TOKEN_IN_ENVIRONMENT).options().token().header())
                .isEqualTo("Bearer from-the-environment");
        assertThat(CommandLine.parse(new String[] {"--token", "from-the-option"}, null, TOKEN_IN_ENVIRONMENT)
                .options().token().header()).isEqualTo("Bearer from-the-option");
    }

    @Test
    void withoutATokenTheRolesItNeedsAreNamed() {
        assertThatThrownBy(() -> CommandLine.parse(new String[0], null, NO_ENVIRONMENT))
                .hasMessage("no token: give --token or set FUNNEL_TOKEN to a bearer token with roles "
                        + "lead-intake, marketer, sales");
        assertThat(CommandLine.USAGE).contains("./funnel token lead-intake,marketer,sales");
    }

    @Test
    void durationsReadAsSecondsMinutesOrIso() {
        assertThat(CommandLine.duration(java.util.Map.of("d", "90s"), "d", "1s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(CommandLine.duration(java.util.Map.of("d", "2m"), "d", "1s")).isEqualTo(Duration.ofMinutes(2));
        assertThat(CommandLine.duration(java.util.Map.of("d", "PT1M30S"), "d", "1s")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aWrongOptionIsNamed() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--sead", "1"}, null, TOKEN_IN_ENVIRONMENT))
                .hasMessageContaining("--sead");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--duration", "soon"}, null, TOKEN_IN_ENVIRONMENT))
                .hasMessageContaining("--duration");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--leads-per-day", "many"}, null, TOKEN_IN_ENVIRONMENT))
                .hasMessageContaining("--leads-per-day");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--marketing", "localhost:8081"}, null, TOKEN_IN_ENVIRONMENT))
                .hasMessageContaining("--marketing");
    }
}
