package dev.funnel.system.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** .env.example documents exactly the variables docker-compose.yml reads, with the defaults it applies. */
class EnvExampleTest {

    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{(\\w+)(?::?-([^}]*))?}");
    private static final Pattern ASSIGNMENT = Pattern.compile("(?m)^(\\w+)=(.*)$");

    @Test
    void envExampleListsEveryVariableOfTheComposeFileWithItsDefault() throws IOException {
        Path root = Repository.root();
        Map<String, String> read = new TreeMap<>();
        Matcher used = INTERPOLATION.matcher(Files.readString(root.resolve(Repository.COMPOSE_FILE)));
        while (used.find()) {
            String previous = read.put(used.group(1), used.group(2));
            assertThat(previous == null || previous.equals(used.group(2)))
                    .as("every use of ${%s} in docker-compose.yml has the same default", used.group(1)).isTrue();
        }
        Map<String, String> documented = new TreeMap<>();
        Matcher assigned = ASSIGNMENT.matcher(Files.readString(root.resolve(".env.example")));
        while (assigned.find()) {
            documented.put(assigned.group(1), assigned.group(2).strip());
        }

        assertThat(documented).as(".env.example against the ${VAR:-default}s of docker-compose.yml").isEqualTo(read);
    }
}
