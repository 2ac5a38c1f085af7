package dev.funnel.infra;

import static dev.funnel.infra.Processes.awaitGone;
import static dev.funnel.infra.Processes.isRunning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PostgresServerTest {

    private static PostgresServer shared;

    @BeforeAll
    static void startSharedServer() {
        shared = PostgresServer.throwaway();
    }

    @AfterAll
    static void stopSharedServer() {
        if (shared != null) {
            shared.close();
        }
    }

    @Test
    void throwawayServerAnswersSqlAsPostgres17() throws SQLException {
        assertThat(queryOne(shared.jdbcUrl("postgres"), "SELECT version()")).startsWith("PostgreSQL 17");
        assertThat(queryOne(shared.jdbcUrl("postgres"), "SHOW port")).isEqualTo(Integer.toString(shared.port()));
        assertThat(isRunning(shared.pid())).isTrue();
    }

    @Test
    void throwawayServerTradesDurabilityForSpeed() throws SQLException {
        assertThat(queryOne(shared.jdbcUrl("postgres"), "SHOW fsync")).isEqualTo("off");
        assertThat(queryOne(shared.jdbcUrl("postgres"), "SHOW synchronous_commit")).isEqualTo("off");
    }

    @Test
    void throwawayServerIsRecordedInTheLedgerAsOwnedByThisJvm() {
        Properties entry = Processes.read(Processes.ledgerEntry("postgres", shared.pid()));

        assertThat(entry.getProperty("pid")).isEqualTo(Long.toString(shared.pid()));
        assertThat(entry.getProperty("owner")).isEqualTo(Long.toString(ProcessHandle.current().pid()));
        assertThat(Path.of(entry.getProperty("dir")).resolve("postmaster.pid")).exists();
    }

    @Test
    void ensureDatabaseCreatesTheDatabaseOnceAndIsIdempotent() throws SQLException {
        shared.ensureDatabase("funnel_ensure_test");
        shared.ensureDatabase("funnel_ensure_test");

        assertThat(queryOne(shared.jdbcUrl("postgres"),
                "SELECT count(*) FROM pg_database WHERE datname = 'funnel_ensure_test'")).isEqualTo("1");
        assertThat(queryOne(shared.jdbcUrl("funnel_ensure_test"), "SELECT current_database()"))
                .isEqualTo("funnel_ensure_test");
    }

    @Test
    void ensureDatabaseByAdminUrlCreatesTheDatabaseOnThatServer() throws SQLException {
        PostgresServer.ensureDatabase(shared.jdbcUrl("postgres"), PostgresServer.USER, PostgresServer.PASSWORD,
                "funnel_by_url");
        PostgresServer.ensureDatabase(shared.jdbcUrl("postgres"), PostgresServer.USER, PostgresServer.PASSWORD,
                "funnel_by_url");

        assertThat(queryOne(shared.jdbcUrl("postgres"),
                "SELECT count(*) FROM pg_database WHERE datname = 'funnel_by_url'")).isEqualTo("1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x; drop", "x; DROP DATABASE postgres", "Sales", "1st", "sales-db", ""})
    void ensureDatabaseRefusesNamesThatAreNotPlainIdentifiers(String name) throws SQLException {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> shared.ensureDatabase(name))
                .withMessage("not a plain database name: " + name);
        assertThat(queryOne(shared.jdbcUrl("postgres"), "SELECT count(*) FROM pg_database WHERE datname = '"
                + name.replace("'", "''") + "'")).isEqualTo("0");
    }

    @Test
    void ensureDatabaseChecksTheNameBeforeConnecting() {
        // port 1: nothing listens, so a connection attempt would end in IllegalStateException instead
        assertThatIllegalArgumentException().isThrownBy(() -> PostgresServer.ensureDatabase(1, "x; drop"));
    }

    @Test
    void closingAThrowawayServerStopsItAndDeletesItsData() {
        PostgresServer postgres = PostgresServer.throwaway();
        long pid = postgres.pid();
        Path ledgerEntry = Processes.ledgerEntry("postgres", pid);
        Path dataDir = Path.of(Processes.read(ledgerEntry).getProperty("dir"));
        try {
            assertThat(isRunning(pid)).isTrue();
        } finally {
            postgres.close();
        }

        awaitGone(pid, Duration.ofSeconds(30));
        assertThat(dataDir).doesNotExist();
        assertThat(ledgerEntry).doesNotExist();
    }

    @Test
    void durableServerSyncsCommitsAndKeepsThemAcrossAStopAndStart(@TempDir Path dir) throws SQLException {
        Path dataDir = dir.resolve("data");
        Path log = dir.resolve("logs/postgres.log");
        int port = FreePort.pick();
        String url = PostgresServer.jdbcUrl(port, "postgres");

        PostgresServer first = PostgresServer.durable(dataDir, port, log);
        long firstPid = first.pid();
        try {
            assertThat(firstPid).isPositive();
            assertThat(queryOne(url, "SHOW fsync")).isEqualTo("on");
            assertThat(queryOne(url, "SHOW synchronous_commit")).isEqualTo("on");
            assertThat(queryOne(url, "SHOW full_page_writes")).isEqualTo("on");
            assertThat(queryOne(url, "SHOW shared_buffers")).isEqualTo("512MB");
            assertThat(queryOne(url, "SHOW max_wal_size")).isEqualTo("4GB");
            assertThat(Processes.ledgerEntry("postgres", firstPid)).as("durable servers outlive their JVM").doesNotExist();
            execute(url, "CREATE TABLE survivor (id int PRIMARY KEY, name text NOT NULL)");
            execute(url, "INSERT INTO survivor VALUES (1, 'still here')");
        } finally {
            stop(first, dataDir);
        }
        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
        assertThat(FreePort.isListening(port)).isFalse();

        PostgresServer second = PostgresServer.durable(dataDir, port, log);
        try {
            assertThat(second.pid()).isPositive().isNotEqualTo(firstPid);
            assertThat(queryOne(url, "SELECT name FROM survivor WHERE id = 1")).isEqualTo("still here");
            assertThat(queryOne(url, "SHOW fsync")).isEqualTo("on");
        } finally {
            stop(second, dataDir);
        }
        assertThat(dataDir.resolve("PG_VERSION")).content().isEqualToIgnoringWhitespace("17");
        assertThat(log).content().contains("database system is ready to accept connections");
    }

    private static void stop(PostgresServer durable, Path dataDir) {
        try {
            stopViaPostmasterPid(dataDir);
        } finally {
            // Releases zonky's lock on <dataDir>/epg-lock, which this JVM would otherwise hold on to: a
            // second durable() on the same directory in this JVM would then fail with
            // OverlappingFileLockException. Its "pg_ctl stop" finds no server (and logs that), or, when
            // the stop above failed, stops the server after all.
            durable.close();
        }
    }

    /** As {@code ./funnel stop} does: SIGTERM to the postmaster (a "smart" shutdown), then wait. */
    private static void stopViaPostmasterPid(Path dataDir) {
        long pid = PostgresServer.postmasterPid(dataDir);
        if (pid <= 0) {
            return;
        }
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        awaitGone(pid, Duration.ofSeconds(30));
    }

    private static String queryOne(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
             PreparedStatement statement = c.prepareStatement(sql);
             ResultSet rs = statement.executeQuery()) {
            assertThat(rs.next()).as("a row from " + sql).isTrue();
            String value = rs.getString(1);
            assertThat(rs.next()).as("only one row from " + sql).isFalse();
            return value;
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
             Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }
}
