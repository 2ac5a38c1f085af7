package dev.funnel.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server from the binaries embedded in Maven Central jars (zonky), so a machine with
 * only a JDK can run the funnel. As root, PostgreSQL refuses to start; the binaries then run under
 * {@code unshare -U}, where root is mapped to an unprivileged user.
 *
 * <p>Two flavours: {@link #throwaway()} for tests (fresh data, fsync off, stopped with the JVM, reaped
 * after a SIGKILL) and {@link #durable(Path, int, Path)} for the local run (data kept across restarts,
 * fsync and synchronous commit on, left running when the launcher exits).
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final Path ledgerEntry;

    private PostgresServer(EmbeddedPostgres postgres, Path dataDir, Path ledgerEntry) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.ledgerEntry = ledgerEntry;
    }

    /** A server for one test run: fresh data directory, relaxed durability, gone when the JVM ends. */
    public static PostgresServer throwaway() {
        ProcessLedger.reapOrphans();
        Path dataDir = tempDir("funnel-pg-");
        EmbeddedPostgres pg = start(EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(true)
                .setRegisterShutdownHook(true)
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("max_connections", "300"), dataDir);
        Path entry = ProcessLedger.record("postgres", postmasterPid(dataDir), dataDir);
        return new PostgresServer(pg, dataDir, entry);
    }

    /**
     * A test server on a chosen folder and port whose data outlives {@link #close()}, so a test can stop
     * it as an outage would and start it again where the services expect it. Relaxed durability and
     * reaped after a SIGKILL, like {@link #throwaway()}.
     */
    public static PostgresServer restartable(Path dataDir, int port) {
        ProcessLedger.reapOrphans();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dataDir, e);
        }
        EmbeddedPostgres pg = start(EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(true)
                .setPort(port)
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("max_connections", "300"), dataDir);
        Path entry = ProcessLedger.record("postgres", postmasterPid(dataDir), null);
        return new PostgresServer(pg, dataDir, entry);
    }

    /**
     * A server whose data survives restarts, with durable commits, which keeps running after this
     * JVM exits (the caller records its pid and stops it later).
     */
    public static PostgresServer durable(Path dataDir, int port, Path log) {
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(log.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dataDir, e);
        }
        EmbeddedPostgres pg = start(EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                // zonky passes -F (fsync off) for speed; the local run and benchmarks must not lose commits
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "300")
                // PostgreSQL's defaults (128 MB of buffers, a checkpoint every 1 GB of WAL) are sized for a small
                // machine: at 1,000 leads/s the funnel wrote 1 GB of WAL in 2.5 minutes, so checkpoints came
                // every 2.5 minutes, each followed by a burst of full-page images in the WAL. With 4 GB they come
                // at checkpoint_timeout (5 min); crash recovery replays at most that much WAL.
                .setServerConfig("shared_buffers", "512MB")
                .setServerConfig("max_wal_size", "4GB"), dataDir);
        return new PostgresServer(pg, dataDir, null);
    }

    private static EmbeddedPostgres start(EmbeddedPostgres.Builder builder, Path dataDir) {
        try {
            return builder.start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(explain(e, dataDir), e);
        }
    }

    private static String explain(Exception e, Path dataDir) {
        String why = "PostgreSQL (embedded binaries) did not start in " + dataDir + ": " + e.getMessage();
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            why += ". Running as root: PostgreSQL refuses root, so the embedded server runs under"
                    + " 'unshare -U' (util-linux). Check that 'unshare -U id -u' works here (install util-linux,"
                    + " or enable user namespaces: sysctl kernel.unprivileged_userns_clone=1),"
                    + " or run as an ordinary user.";
        }
        return why;
    }

    public int port() {
        return postgres.getPort();
    }

    /** The pid of the postmaster, from its own pid file. */
    public long pid() {
        return postmasterPid(dataDir);
    }

    public String jdbcUrl(String database) {
        return jdbcUrl(port(), database);
    }

    public static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** Creates the database unless it exists; each service owns one. */
    public void ensureDatabase(String name) {
        ensureDatabase(port(), name);
    }

    /** Creates the database on the server at {@code port} unless it exists. */
    public static void ensureDatabase(int port, String name) {
        ensureDatabase(jdbcUrl(port, "postgres"), USER, PASSWORD, name);
    }

    /**
     * Creates the database unless it exists, connecting to any PostgreSQL as a user allowed to.
     *
     * @param adminJdbcUrl a JDBC URL of an existing database on that server, e.g. {@code postgres}
     */
    public static void ensureDatabase(String adminJdbcUrl, String user, String password, String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection c = DriverManager.getConnection(adminJdbcUrl, user, password);
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            if ("42P04".equals(e.getSQLState())) { // created concurrently by another JVM
                return;
            }
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    /** Reads the postmaster's pid from {@code postmaster.pid} (first line), as pg_ctl does. */
    public static long postmasterPid(Path dataDir) {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (ledgerEntry != null) {
                ProcessLedger.forget(ledgerEntry);
            }
        }
    }

    static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
