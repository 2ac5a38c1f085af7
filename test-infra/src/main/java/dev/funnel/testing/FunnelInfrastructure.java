package dev.funnel.testing;

import dev.funnel.contracts.access.Roles;
import dev.funnel.infra.AccessTokens;
import dev.funnel.infra.KafkaTopics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The test resource of every service's {@code @QuarkusTest}: a real Kafka broker and a real PostgreSQL
 * (see {@link TestPostgres} for which),
 * started once per test JVM however many test classes use them, and stopped when the JVM exits.
 * Topics exist before the application starts consuming; the service's database exists before Flyway runs.
 *
 * <p>The service verifies bearer tokens against a signing key made for the test JVM ({@link #tokens()}), and every
 * request RestAssured sends carries a token holding every role, so tests about something else need not say who
 * calls. Tests about who may call what build their own requests with {@link #token(String...)}.
 *
 * <p>Use with {@code @QuarkusTestResource(value = FunnelInfrastructure.class, initArgs =
 * @ResourceArg(name = "database", value = "sales"))}.
 */
public class FunnelInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static InProcessKafka kafka;
    private static TestPostgres postgres;
    private static AccessTokens tokens;

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
                "quarkus.datasource.password", postgres.password(),
                "mp.jwt.verify.publickey.location", tokens.publicKeyLocation());
    }

    /** The test JVM's signing key, which the service under test trusts. */
    public static synchronized AccessTokens tokens() {
        startOnce();
        return tokens;
    }

    /** A token with every role, valid for a day: what RestAssured sends unless a test sets its own. */
    public static String everyRole() {
        return tokens().token("test-every-role", Roles.ALL, Duration.ofDays(1));
    }

    /** A token with {@code roles}, valid for an hour, signed by the key the service trusts. */
    public static String token(String... roles) {
        return tokens().token("test-" + String.join("+", roles), List.of(roles), Duration.ofHours(1));
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
        // one key pair per JVM, on disk: a test class with its own resources gets fresh statics in another class
        // loader, and the RestAssured filter registered by the first one must stay valid for it
        tokens = AccessTokens.in(Path.of(System.getProperty("java.io.tmpdir"),
                "funnel-test-keys-" + ProcessHandle.current().pid()));
        postgres = TestPostgres.start();
        kafka = InProcessKafka.start();
        KafkaTopics.ensureFunnelTopics(kafka.bootstrapServers());
        String everyRole = "Bearer " + everyRole();
        // a filter, not a default request specification: that would also fix the port before Quarkus sets it
        RestAssured.filters((request, response, next) -> {
            if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header("Authorization", everyRole);
            }
            return next.next(request, response);
        });
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
