package dev.funnel.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Remembers which server processes a JVM started, so that the next start can stop those a killed JVM
 * left behind. A SIGKILLed test JVM cannot run its shutdown hooks, and a PostgreSQL postmaster
 * daemonises (its parent becomes init), so without this each killed run would leak a server.
 *
 * <p>One small file per server under {@code <tmp>/funnel-processes}: the server's pid, the owning
 * JVM's pid and start time, and a directory to delete once the server is gone.
 */
public final class ProcessLedger {

    private static final System.Logger LOG = System.getLogger(ProcessLedger.class.getName());
    private static final Path DIR = Path.of(System.getProperty("java.io.tmpdir"), "funnel-processes");

    /** Records that this JVM owns {@code server}; returns the entry to forget once it stopped cleanly. */
    public static Path record(String kind, long serverPid, Path throwawayDir) {
        ProcessHandle me = ProcessHandle.current();
        Properties entry = new Properties();
        entry.setProperty("kind", kind);
        entry.setProperty("pid", Long.toString(serverPid));
        // with the start time, a pid the OS has since handed to another process is not mistaken for it
        entry.setProperty("pidStart", ProcessHandle.of(serverPid)
                .flatMap(p -> p.info().startInstant()).map(Object::toString).orElse(""));
        entry.setProperty("owner", Long.toString(me.pid()));
        entry.setProperty("ownerStart", me.info().startInstant().map(Object::toString).orElse(""));
        if (throwawayDir != null) {
            entry.setProperty("dir", throwawayDir.toAbsolutePath().toString());
        }
        try {
            Files.createDirectories(DIR);
            Path file = DIR.resolve(kind + "-" + serverPid + ".properties");
            try (var out = Files.newBufferedWriter(file)) {
                entry.store(out, "a server owned by JVM " + me.pid());
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record server process in " + DIR, e);
        }
    }

    /** Forgets an entry once its server has been stopped by its owner. */
    public static void forget(Path entry) {
        try {
            Files.deleteIfExists(entry);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot delete " + entry, e);
        }
    }

    /** Stops every recorded server whose owning JVM is gone, and deletes its throwaway directory. */
    public static void reapOrphans() {
        if (!Files.isDirectory(DIR)) {
            return;
        }
        List<Path> entries;
        try (Stream<Path> files = Files.list(DIR)) {
            entries = files.filter(f -> f.toString().endsWith(".properties")).toList();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot list " + DIR, e);
            return;
        }
        for (Path file : entries) {
            Properties entry = new Properties();
            try (var in = Files.newBufferedReader(file)) {
                entry.load(in);
            } catch (IOException e) {
                continue;
            }
            if (ownerAlive(entry)) {
                continue;
            }
            long pid = Long.parseLong(entry.getProperty("pid", "-1"));
            ProcessHandle.of(pid).filter(p -> sameStart(p, entry.getProperty("pidStart", ""))).ifPresent(orphan -> {
                LOG.log(System.Logger.Level.WARNING, "stopping " + entry.getProperty("kind") + " (pid " + pid
                        + ") left behind by JVM " + entry.getProperty("owner") + ", which is gone");
                stop(orphan, Duration.ofSeconds(15));
            });
            Optional.ofNullable(entry.getProperty("dir")).map(Path::of).ifPresent(ProcessLedger::deleteTree);
            forget(file);
        }
    }

    /** SIGTERM, then SIGKILL when the process has not ended within {@code grace}. */
    public static void stop(ProcessHandle process, Duration grace) {
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception timeout) {
            process.destroyForcibly();
        }
    }

    /** Deletes a directory and everything below it, quietly. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot delete " + dir, e);
        }
    }

    private static boolean ownerAlive(Properties entry) {
        long owner = Long.parseLong(entry.getProperty("owner", "-1"));
        return ProcessHandle.of(owner)
                .filter(ProcessHandle::isAlive)
                .filter(p -> sameStart(p, entry.getProperty("ownerStart", "")))
                .isPresent();
    }

    /** A recycled pid belongs to another process: tell them apart by start time, where it was recorded. */
    private static boolean sameStart(ProcessHandle process, String recordedStart) {
        return recordedStart.isEmpty()
                || process.info().startInstant().map(Object::toString).orElse("").equals(recordedStart);
    }

    private ProcessLedger() {
    }
}
