package dev.funnel.testing;

import dev.funnel.infra.PostgresServer;
import java.util.Locale;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real PostgreSQL of a test run: a container where a Docker engine is reachable, the embedded
 * binaries everywhere else (a machine with only a JDK). {@code -Dfunnel.test.postgres} (or the
 * environment variable FUNNEL_TEST_POSTGRES) = {@code embedded} or {@code container} overrides the choice.
 */
interface TestPostgres extends AutoCloseable {

    String jdbcUrl(String database);

    String user();

    String password();

    void ensureDatabase(String database);

    @Override
    void close();

    static TestPostgres start() {
        String choice = System.getProperty("funnel.test.postgres",
                System.getenv().getOrDefault("FUNNEL_TEST_POSTGRES", "auto")).toLowerCase(Locale.ROOT);
        boolean container = switch (choice) {
            case "container" -> true;
            case "embedded" -> false;
            case "auto" -> DockerClientFactory.instance().isDockerAvailable();
            default -> throw new IllegalArgumentException("funnel.test.postgres must be auto, embedded or container, not " + choice);
        };
        System.err.println("test PostgreSQL: " + (container ? "Testcontainers (postgres:17)" : "embedded binaries")
                + " (funnel.test.postgres=" + choice + ")");
        return container ? new InContainer() : new Embedded(PostgresServer.throwaway());
    }

    /** The zonky binaries, run by {@link PostgresServer}. */
    record Embedded(PostgresServer server) implements TestPostgres {

        @Override
        public String jdbcUrl(String database) {
            return server.jdbcUrl(database);
        }

        @Override
        public String user() {
            return PostgresServer.USER;
        }

        @Override
        public String password() {
            return PostgresServer.PASSWORD;
        }

        @Override
        public void ensureDatabase(String database) {
            server.ensureDatabase(database);
        }

        @Override
        public void close() {
            server.close();
        }
    }

    /** The official image through Testcontainers, which removes the container when the JVM ends. */
    final class InContainer implements TestPostgres {

        private final PostgreSQLContainer container;

        InContainer() {
            container = new PostgreSQLContainer("postgres:17")
                    .withCommand("postgres", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "max_connections=300");
            container.start();
        }

        @Override
        public String jdbcUrl(String database) {
            return "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/" + database;
        }

        @Override
        public String user() {
            return container.getUsername();
        }

        @Override
        public String password() {
            return container.getPassword();
        }

        @Override
        public void ensureDatabase(String database) {
            PostgresServer.ensureDatabase(jdbcUrl("postgres"), user(), password(), database);
        }

        @Override
        public void close() {
            container.stop();
        }
    }
}
