package dev.funnel.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker in KRaft mode (one node that is broker and controller at once), run as a
 * process of its own from the {@code kafka_2.13} jars on this JVM's classpath: the local run and the
 * system tests need a broker that can be stopped and started independently of whoever uses it.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String READY_LINE = "Kafka Server started";

    private final Process process;
    private final int port;
    private final Path log;
    private final Path ledgerEntry;

    private KafkaBroker(Process process, int port, Path log, Path ledgerEntry) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.ledgerEntry = ledgerEntry;
    }

    /**
     * Starts a broker.
     *
     * @param dir          holds server.properties and, under {@code data/}, the log segments; formatted
     *                     on first use and reused after that
     * @param port         client port; the controller listens on a free port of its own
     * @param log          where the broker's output goes
     * @param ownedByThisJvm true to have it stopped when a later JVM finds this one gone (tests);
     *                     false for the local run, which outlives its launcher on purpose
     */
    public static KafkaBroker start(Path dir, int port, Path log, boolean ownedByThisJvm) {
        if (ownedByThisJvm) {
            ProcessLedger.reapOrphans();
        }
        if (FreePort.isListening(port)) {
            throw new IllegalStateException("Kafka cannot listen on port " + port + ": something already does."
                    + " Stop it, or choose another port.");
        }
        try {
            Files.createDirectories(dir);
            Files.createDirectories(log.getParent());
            Path data = dir.resolve("data");
            Path config = writeConfig(dir, data, port, FreePort.pick());
            Path log4j = writeLogConfig(dir);
            if (!Files.exists(data.resolve("meta.properties"))) {
                format(config, log4j, log);
            }
            Process broker = java(log4j, "kafka.Kafka", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            long logStart = Files.exists(log) ? Files.size(log) : 0;
            Path entry = ownedByThisJvm ? ProcessLedger.record("kafka", broker.pid(), dir) : null;
            KafkaBroker started = new KafkaBroker(broker, port, log, entry);
            started.awaitReady(logStart, Duration.ofSeconds(90));
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Kafka in " + dir, e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** Stops the broker with SIGTERM (a clean shutdown takes about 2 s), SIGKILL after 30 s. */
    @Override
    public void close() {
        ProcessLedger.stop(process.toHandle(), Duration.ofSeconds(30));
        if (ledgerEntry != null) {
            ProcessLedger.forget(ledgerEntry);
        }
    }

    private void awaitReady(long logStart, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited with " + process.exitValue() + " before it was ready; "
                        + "its log " + log + " ends with:\n" + tail(log, 30));
            }
            if (newOutput(logStart).contains(READY_LINE) && FreePort.isListening(port)) {
                return;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while Kafka started");
            }
        }
        close();
        throw new IllegalStateException("Kafka was not ready after " + timeout.toSeconds() + " s; its log " + log
                + " ends with:\n" + tail(log, 30));
    }

    /** What the broker wrote since {@code from}: the log is appended to across restarts and may be large. */
    private String newOutput(long from) throws IOException {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(log)) {
            long size = channel.size();
            if (from >= size) {
                return "";
            }
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate((int) Math.min(size - from, Integer.MAX_VALUE));
            channel.read(bytes, from);
            return new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8);
        }
    }

    private static void format(Path config, Path log4j, Path log) throws IOException {
        // A cluster id is 16 random bytes in Kafka's URL-safe base64; generated here rather than by a
        // second JVM running "StorageTool random-uuid".
        String clusterId = Uuid.randomUuid().toString();
        Process format = java(log4j, "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new IllegalStateException("formatting Kafka storage failed; " + log + " ends with:\n" + tail(log, 20));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka storage");
        }
    }

    private static ProcessBuilder java(Path log4j, String mainClass, String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xms128m", "-Xmx512m", "-XX:+UseG1GC",
                "-Djava.awt.headless=true", "-Dlog4j2.configurationFile=" + log4j.toUri(),
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private static Path writeConfig(Path dir, Path data, int port, int controllerPort) throws IOException {
        String config = """
                # written by Funnel's KafkaBroker on every start; edits are overwritten
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%3$s
                num.partitions=3
                # one node: every internal topic has one replica
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                default.replication.factor=1
                min.insync.replicas=1
                # consumers join at once instead of waiting 3 s for more members
                group.initial.rebalance.delay.ms=0
                auto.create.topics.enable=false
                # a deleted topic's files go after 1 s, not 60: the bench's scratch topic (about 1 GB) then
                # leaves before Linux writes it back, instead of being written and deleted under the next run
                log.segment.delete.delay.ms=1000
                """.formatted(port, controllerPort, data.toAbsolutePath());
        return Files.writeString(dir.resolve("server.properties"), config);
    }

    private static Path writeLogConfig(Path dir) throws IOException {
        String config = """
                status = warn
                appender.out.type = Console
                appender.out.name = OUT
                appender.out.layout.type = PatternLayout
                appender.out.layout.pattern = [%d] %p %m (%c)%n
                rootLogger.level = INFO
                rootLogger.appenderRef.out.ref = OUT
                logger.state.name = state.change.logger
                logger.state.level = WARN
                """;
        return Files.writeString(dir.resolve("log4j2.properties"), config);
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
