package dev.funnel.testing;

import dev.funnel.infra.KafkaTopics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The test resource of every service's {@code @QuarkusTest}: a real Kafka broker and a real PostgreSQL
 * (see {@link TestPostgres} for which),
 * started once per test JVM however many test classes use them, and stopped when the JVM exits.
 * Topics exist before the application starts consuming; the service's database exists before Flyway runs.
 *
 * <p>Use with {@code @QuarkusTestResource(value = FunnelInfrastructure.class, initArgs =
 * @ResourceArg(name = "database", value = "sales"))}.
 */
public class FunnelInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static InProcessKafka kafka;
    private static TestPostgres postgres;

    private String database = "funnel";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        startOnce();
        postgres.ensureDatabase(database);
        return Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", postgres.user(),
                "quarkus.datasource.password", postgres.password());
    }

    /** The broker's address, for tests that produce or consume on their own. */
    public static synchronized String bootstrapServers() {
        startOnce();
        return kafka.bootstrapServers();
    }

    private static synchronized void startOnce() {
        if (kafka != null) {
            return;
        }
        postgres = TestPostgres.start();
        kafka = InProcessKafka.start();
        KafkaTopics.ensureFunnelTopics(kafka.bootstrapServers());
        Runtime.getRuntime().addShutdownHook(new Thread(FunnelInfrastructure::stopAll, "funnel-test-infrastructure-stop"));
    }

    private static synchronized void stopAll() {
        try {
            kafka.close();
        } catch (Exception e) {
            System.err.println("stopping the in-process Kafka broker: " + e);
        }
        postgres.close();
    }

    /** Stays up for the next test class: Quarkus stops resources per application, we share per JVM. */
    @Override
    public void stop() {
    }
}
