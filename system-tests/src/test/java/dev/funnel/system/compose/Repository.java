package dev.funnel.system.compose;

import java.nio.file.Files;
import java.nio.file.Path;

/** The Funnel repository these tests check, found from wherever Maven or an IDE starts the test JVM. */
final class Repository {

    static final String COMPOSE_FILE = "docker-compose.yml";

    private Repository() {
    }

    /** The nearest folder at or above {@code user.dir} that holds both {@code docker-compose.yml} and {@code pom.xml}. */
    static Path root() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(COMPOSE_FILE)) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new AssertionError("No " + COMPOSE_FILE + " (beside a pom.xml) in " + start
                + " or any folder above it: run the tests from inside the Funnel repository");
    }
}
