package dev.funnel.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The metric formulas, the join's rules and attribution stay plain Java, unit-tested without a framework. */
class DomainRulesArePlainJavaTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/funnel/analytics");
    private static final List<String> RULES = List.of("Funnel", "FunnelFilter", "FunnelMetric", "Window", "Interval",
            "PipelineProgress", "Attribution", "AttributionModel", "Grouping", "rebuild/ReplayTarget", "rebuild/ReplayProgress");
    private static final List<String> FRAMEWORKS = List.of("import jakarta.", "import io.quarkus.", "import org.hibernate.",
            "import io.smallrye.", "import com.fasterxml.", "import org.apache.kafka.");

    @Test
    void formulasJoinRulesAndAttributionImportNoFramework() throws IOException {
        for (String rule : RULES) {
            Path source = SOURCES.resolve(rule + ".java");
            assertThat(source).as("the rule %s exists where this test looks", rule).exists();
            List<String> imports = Files.readAllLines(source).stream().filter(l -> l.startsWith("import ")).toList();
            assertThat(imports).as(rule).noneMatch(i -> FRAMEWORKS.stream().anyMatch(i::startsWith));
        }
    }
}
