package dev.funnel.infra;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/** Test helpers around operating-system processes and the {@link ProcessLedger}'s files. */
final class Processes {

    /** Where {@link ProcessLedger} keeps its entries (it derives the same path from java.io.tmpdir). */
    static final Path LEDGER = Path.of(System.getProperty("java.io.tmpdir"), "funnel-processes");

    static boolean isRunning(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * Waits until no process has this pid any more. A daemonised postmaster's parent is init, so
     * after it exits it stays a zombie (which ProcessHandle counts as alive) until init reaps it.
     */
    static void awaitGone(long pid, Duration within) {
        await("process " + pid + " to end")
                .atMost(within)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !isRunning(pid));
    }

    /** Sends SIGKILL to the process if it still runs; for cleanup after a failed test. */
    static void killIfRunning(long pid) {
        if (pid > 0) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    static Path ledgerEntry(String kind, long pid) {
        return LEDGER.resolve(kind + "-" + pid + ".properties");
    }

    static Properties read(Path propertiesFile) {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(propertiesFile)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private Processes() {
    }
}
