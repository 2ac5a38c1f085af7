package dev.funnel.system;

import dev.funnel.infra.ProcessLedger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One service running as a real process from its built fast-jar, configured by system properties,
 * its output in a log file that is kept for the reader of a failed run.
 */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;
    private final Path ledgerEntry;
    /** How it was started, so that it can be started again the same way after a crash. */
    private final Launch launch;

    private record Launch(Path repository, Map<String, String> config, Map<String, String> environment, Path logs) {
    }

    private ServiceProcess(String name, Process process, int port, Path log, Path ledgerEntry, Launch launch) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
        this.ledgerEntry = ledgerEntry;
        this.launch = launch;
    }

    /** Starts {@code <repository>/<name>/target/quarkus-app/quarkus-run.jar} and waits until it is ready. */
    static ServiceProcess start(Path repository, String name, int port, Map<String, String> config, Path logs) {
        return start(repository, name, port, config, Map.of(), logs);
    }

    /** As above, with environment variables added to this JVM's, as a deployment would set them. */
    static ServiceProcess start(Path repository, String name, int port, Map<String, String> config,
                                Map<String, String> environment, Path logs) {
        Path jar = repository.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw package -DskipTests)");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1"));
        command.add("-Dquarkus.http.port=" + port);
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        try {
            Files.createDirectories(logs);
            Path log = logs.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            // appended: a restarted service's log follows the lines of the one that crashed
            Process process = builder
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            Path entry = ProcessLedger.record(name, process.pid(), null);
            return new ServiceProcess(name, process, port, log, entry,
                    new Launch(repository, Map.copyOf(config), Map.copyOf(environment), logs));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Blocks until {@code /q/health/ready} answers 200, failing with the log's tail if the process dies. */
    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; " + log
                        + " ends with:\n" + tail());
            }
            try {
                HttpResponse<Void> ready = HTTP.send(HttpRequest.newBuilder(url("/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s; " + log
                + " ends with:\n" + tail());
    }

    boolean isAlive() {
        return process.isAlive();
    }

    URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** The same service started again: same port, same configuration, same log file (not yet ready). */
    ServiceProcess startAgain() {
        return start(launch.repository(), name, port, launch.config(), launch.environment(), launch.logs());
    }

    /** Ends the process as a crash would: SIGKILL, no shutdown hooks, nothing flushed or committed. */
    void kill() {
        process.destroyForcibly();
        process.onExit().join();
        ProcessLedger.forget(ledgerEntry);
    }

    @Override
    public void close() {
        ProcessLedger.stop(process.toHandle(), Duration.ofSeconds(20));
        ProcessLedger.forget(ledgerEntry);
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
