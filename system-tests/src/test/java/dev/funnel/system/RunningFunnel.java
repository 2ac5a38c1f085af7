package dev.funnel.system;

import dev.funnel.contracts.access.Roles;
import dev.funnel.infra.AccessTokens;
import dev.funnel.infra.FreePort;
import dev.funnel.infra.KafkaBroker;
import dev.funnel.infra.KafkaTopics;
import dev.funnel.infra.PostgresServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The whole funnel as separate processes: a Kafka broker process, a real PostgreSQL, and the three
 * services started from their built jars. Started once per test JVM (the root store closes it at the
 * end); test classes ask for it as a parameter: {@code @ExtendWith(RunningFunnel.class)}.
 *
 * <p>Each funnel has a signing key of its own: its services verify bearer tokens against its public key,
 * and tests call the APIs with {@link #token(String...)} or {@link #request(URI, String...)}, naming the
 * roles the call needs.
 */
public final class RunningFunnel implements ParameterResolver, AutoCloseable {

    private static final java.util.concurrent.atomic.AtomicInteger STARTED = new java.util.concurrent.atomic.AtomicInteger();

    private final List<AutoCloseable> started = new ArrayList<>();
    /** Environment variables every service is started with, beyond this JVM's own. */
    private final Map<String, String> environment;
    private final Map<Service, ServiceProcess> services = new java.util.EnumMap<>(Service.class);
    /** Tokens by their roles: one signature per set of roles, not one per call. */
    private final Map<List<String>, String> tokens = new ConcurrentHashMap<>();
    private AccessTokens keys;
    private KafkaBroker kafka;
    private PostgresServer postgres;
    private Path postgresDir;
    private Path kafkaDir;
    private Path kafkaLog;
    private Path logs;

    /** The three services, each with its module and its database. */
    public enum Service {
        MARKETING("marketing-service", "marketing"),
        SALES("sales-service", "sales"),
        ANALYTICS("analytics-service", "analytics");

        private final String module;
        private final String database;

        Service(String module, String database) {
            this.module = module;
            this.database = database;
        }
    }

    public URI marketing(String path) {
        return services.get(Service.MARKETING).url(path);
    }

    public URI sales(String path) {
        return services.get(Service.SALES).url(path);
    }

    public URI analytics(String path) {
        return services.get(Service.ANALYTICS).url(path);
    }

    /**
     * A bearer token with {@code roles} (the {@link Roles} constants), signed with this funnel's key and
     * valid for a day: what a caller of its APIs sends as {@code Authorization: Bearer}.
     */
    public String token(String... roles) {
        if (roles.length == 0) {
            throw new IllegalArgumentException("name the roles the call needs");
        }
        return tokens.computeIfAbsent(List.of(roles),
                r -> keys.token("system-test", r, Duration.ofDays(1)));
    }

    /** A request to {@code uri} carrying a token with {@code roles}: name what the call needs, nothing more. */
    public HttpRequest.Builder request(URI uri, String... roles) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token(roles));
    }

    /** The service's own database, for tests that check its tables (user and password: {@link PostgresServer}'s). */
    public String jdbcUrl(Service service) {
        return postgres.jdbcUrl(service.database);
    }

    /** Ends the service as a crash would (SIGKILL); {@link #restart} starts it again. */
    public void kill(Service service) {
        services.get(service).kill();
    }

    /** Stops the service as a deployment would (SIGTERM, then a grace period); {@link #restart} starts it again. */
    public void stop(Service service) {
        services.get(service).close();
    }

    /**
     * Starts a killed or stopped service again on the same port with the same configuration, and waits
     * until it is ready. A start that exits (no database connection in time on a busy machine, say) is
     * tried again, as a supervisor would, up to three times in all.
     */
    public void restart(Service service) {
        for (int attempt = 1; ; attempt++) {
            ServiceProcess again = services.get(service).startAgain();
            services.put(service, again);
            try {
                // longer than a first start: a restart meets a machine already busy with the rest of the funnel
                again.awaitReady(Duration.ofSeconds(180));
                return;
            } catch (IllegalStateException exited) {
                if (attempt == 3 || again.isAlive()) {
                    throw exited;
                }
                System.err.println("restarting " + service + " again: " + exited.getMessage().lines().findFirst().orElse(""));
            }
        }
    }

    /** Kafka's address, for tests that read the topics themselves. */
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The folder of every process's log: one file per service, Kafka's, PostgreSQL's. */
    public Path logs() {
        return logs;
    }

    /** Stops the Kafka broker as an outage would; the services keep running. */
    public void stopKafka() {
        kafka.close();
    }

    /** Starts the broker again after {@link #stopKafka()}, on the same port with the same data. */
    public void startKafka() {
        kafka = KafkaBroker.start(kafkaDir, kafka.port(), kafkaLog, true);
    }

    /** Stops PostgreSQL as an outage would; the services keep running. */
    public void stopPostgres() {
        postgres.close();
    }

    /** Starts PostgreSQL again after {@link #stopPostgres()}, on the same port with the same data. */
    public void startPostgres() {
        postgres = PostgresServer.restartable(postgresDir, postgres.port());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningFunnel.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RunningFunnel.class, key -> startAll(), RunningFunnel.class);
    }

    /**
     * A funnel of its own, for a test whose figures must not see any other test's data; the caller
     * closes it. Costs a start-up (about half a minute), so only where the shared one cannot do.
     */
    public static RunningFunnel startPrivate() {
        return startAll(Map.of());
    }

    /** A private funnel whose three services also get these environment variables (tracing export, say). */
    public static RunningFunnel startPrivate(Map<String, String> environment) {
        return startAll(environment);
    }

    /** The instance JUnit makes as the extension; it only resolves parameters to the shared funnel. */
    public RunningFunnel() {
        this(Map.of());
    }

    private RunningFunnel(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    private static RunningFunnel startAll() {
        return startAll(Map.of());
    }

    private static RunningFunnel startAll(Map<String, String> environment) {
        RunningFunnel funnel = new RunningFunnel(environment);
        try {
            funnel.start();
            return funnel;
        } catch (RuntimeException e) {
            funnel.close();
            throw e;
        }
    }

    private void start() {
        Path repository = repository();
        // one folder per funnel: a test JVM may run a private funnel beside the shared one
        Path work = repository.resolve("system-tests/target/system-run/" + ProcessHandle.current().pid()
                + "-" + STARTED.incrementAndGet());
        logs = work.resolve("logs");
        keys = AccessTokens.in(work.resolve("keys"));
        postgresDir = work.resolve("postgres");
        postgres = PostgresServer.restartable(postgresDir, FreePort.pick());
        track(() -> postgres.close()); // whichever server runs at the end, after a restart too
        kafkaDir = work.resolve("kafka");
        kafkaLog = logs.resolve("kafka.log");
        kafka = KafkaBroker.start(kafkaDir, FreePort.pick(), kafkaLog, true);
        track(() -> kafka.close()); // whichever broker runs at the end, after a restart too
        KafkaTopics.ensureFunnelTopics(kafka.bootstrapServers());
        for (String db : List.of("marketing", "sales", "analytics")) {
            postgres.ensureDatabase(db);
        }
        for (Service service : Service.values()) {
            Map<String, String> config = new HashMap<>(config(postgres, kafka, service.database));
            // as a deployment configures them: by the environment
            Map<String, String> env = new HashMap<>(environment);
            env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKeyLocation());
            if (service == Service.SALES) {
                // a won customer's referral is posted to this funnel's marketing, not to the default port
                config.put("funnel.marketing.url", marketing("").toString());
                env.put("FUNNEL_MARKETING_TOKEN", keys.token("sales-service", List.of(Roles.LEAD_INTAKE),
                        Duration.ofDays(365)));
            }
            services.put(service, ServiceProcess.start(repository, service.module, FreePort.pick(), config,
                    env, logs));
            // whichever process runs at the end, after a restart too
            track(() -> services.get(service).close());
        }
        for (ServiceProcess service : services.values()) {
            service.awaitReady(Duration.ofSeconds(90));
        }
    }

    private static Map<String, String> config(PostgresServer postgres, KafkaBroker kafka, String database) {
        // bootstrap servers are fixed for the services' lifetime: a restarted broker must take the same port
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD,
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                // the funnel's own debug lines too, so the check that logs hold no email reads them all
                "quarkus.log.category.\"dev.funnel\".level", "DEBUG");
    }

    private <T extends AutoCloseable> T track(T resource) {
        started.add(resource);
        return resource;
    }

    /** Stops the services first, then Kafka, then PostgreSQL: the reverse of starting. */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("stopping " + started.get(i) + ": " + e);
            }
        }
        started.clear();
    }

    private static Path repository() {
        String configured = System.getProperty("funnel.repository");
        Path dir = Path.of(configured != null ? configured : System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("marketing-service"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root (no marketing-service folder above "
                    + System.getProperty("user.dir") + ")");
        }
        return dir;
    }
}
