package dev.funnel.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The domain rules stay plain Java: no framework in the stage machine or in scoring. */
class DomainRulesArePlainJavaTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/funnel/sales");
    private static final List<String> RULES = List.of("StageMachine", "Move", "IllegalMoveException",
            "InvalidMoveException", "InvalidInputException", "Scoring", "ScoringRules", "Score", "LeadProfile");
    private static final List<String> FRAMEWORKS = List.of("import jakarta.", "import io.quarkus.", "import org.hibernate.",
            "import io.smallrye.", "import com.fasterxml.", "import org.apache.kafka.");

    @Test
    void stageMachineAndScoringImportNoFramework() throws IOException {
        for (String rule : RULES) {
            Path source = SOURCES.resolve(rule + ".java");
            assertThat(source).as("the rule %s exists where this test looks", rule).exists();
            List<String> imports = Files.readAllLines(source).stream().filter(l -> l.startsWith("import ")).toList();
            assertThat(imports).as(rule).noneMatch(i -> FRAMEWORKS.stream().anyMatch(i::startsWith));
        }
    }
}
