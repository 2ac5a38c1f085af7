package dev.funnel.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Brings up PostgreSQL and Kafka for {@code ./funnel up}: starts whichever is not running, creates the
 * services' databases and the topics, records the pids under {@code <home>/run} and exits, leaving both
 * servers running. Data lives under {@code <home>/data} and survives {@code ./funnel stop}.
 *
 * <p>Usage: {@code LocalInfrastructure <home> <postgres-port> <kafka-port>}
 */
public final class LocalInfrastructure {

    /** One database per service: each owns its schema and nobody reads another's tables. */
    static final List<String> DATABASES = List.of("marketing", "sales", "analytics");

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: LocalInfrastructure <home> <postgres-port> <kafka-port>");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int postgresPort = Integer.parseInt(args[1]);
        int kafkaPort = Integer.parseInt(args[2]);
        Path run = Files.createDirectories(home.resolve("run"));
        Path logs = Files.createDirectories(home.resolve("logs"));
        try {
            startPostgres(home.resolve("data/postgres"), postgresPort, logs.resolve("postgres.log"), run);
            startKafka(home.resolve("data/kafka"), kafkaPort, logs.resolve("kafka.log"), run);
        } catch (RuntimeException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void startPostgres(Path dataDir, int port, Path log, Path run) throws IOException {
        long running = PostgresServer.postmasterPid(dataDir);
        if (running > 0 && ProcessHandle.of(running).map(ProcessHandle::isAlive).orElse(false)) {
            System.out.println("postgres   already running (pid " + running + ", port " + port + ")");
        } else {
            if (FreePort.isListening(port)) {
                throw new IllegalStateException("PostgreSQL cannot listen on port " + port
                        + ": another server does. Stop it or set FUNNEL_POSTGRES_PORT.");
            }
            long t0 = System.nanoTime();
            // not closed: closing would stop the server, which must outlive this launcher
            running = PostgresServer.durable(dataDir, port, log).pid();
            System.out.printf("postgres   started (pid %d, port %d) in %d ms%n", running, port, (System.nanoTime() - t0) / 1_000_000);
        }
        Files.writeString(run.resolve("postgres.pid"), running + "\n");
        DATABASES.forEach(db -> PostgresServer.ensureDatabase(port, db));
    }

    private static void startKafka(Path dir, int port, Path log, Path run) throws IOException {
        Path pidFile = run.resolve("kafka.pid");
        Optional<ProcessHandle> running = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(p -> p.isAlive() && FreePort.isListening(port));
        if (running.isPresent()) {
            System.out.println("kafka      already running (pid " + running.get().pid() + ", port " + port + ")");
        } else {
            long t0 = System.nanoTime();
            KafkaBroker broker = KafkaBroker.start(dir, port, log, false);
            Files.writeString(pidFile, broker.pid() + "\n");
            System.out.printf("kafka      started (pid %d, port %d) in %d ms%n", broker.pid(), port, (System.nanoTime() - t0) / 1_000_000);
        }
        KafkaTopics.ensureFunnelTopics("127.0.0.1:" + port);
    }

    private static Optional<Long> readPid(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private LocalInfrastructure() {
    }
}
