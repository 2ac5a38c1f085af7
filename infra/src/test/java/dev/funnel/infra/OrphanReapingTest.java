package dev.funnel.infra;

import static dev.funnel.infra.Processes.awaitGone;
import static dev.funnel.infra.Processes.isRunning;
import static dev.funnel.infra.Processes.killIfRunning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OrphanReapingTest {

    private static final Pattern ANNOUNCEMENT = Pattern.compile(Pattern.quote(OrphanMaker.PREFIX) + "(\\d+) port (\\d+)");

    @Test
    void postmasterLeftBehindByAKilledJvmIsStoppedAndItsDataDeletedOnTheNextReap(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("orphan-maker.out");
        Process child = new ProcessBuilder(
                ProcessHandle.current().info().command().orElseThrow(),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"),
                OrphanMaker.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        long postmaster = -1;
        Path dataDir = null;
        try {
            Matcher announced = await("the child JVM to start PostgreSQL")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .failFast("the child JVM exited; its output:\n" + output, () -> !child.isAlive())
                    .until(() -> ANNOUNCEMENT.matcher(Files.readString(output)), Matcher::find);
            postmaster = Long.parseLong(announced.group(1));
            int port = Integer.parseInt(announced.group(2));

            Path entry = Processes.ledgerEntry("postgres", postmaster);
            Properties recorded = Processes.read(entry);
            assertThat(recorded.getProperty("owner")).isEqualTo(Long.toString(child.pid()));
            dataDir = Path.of(recorded.getProperty("dir"));
            assertThat(dataDir.resolve("postmaster.pid")).exists();

            child.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child JVM ended").isTrue();
            assertThat(child.exitValue()).isEqualTo(128 + 9);

            // the leak: the daemonised postmaster outlives its JVM and still serves
            assertThat(isRunning(postmaster)).isTrue();
            assertThat(selectOne(port)).isEqualTo(1);

            ProcessLedger.reapOrphans();

            awaitGone(postmaster, Duration.ofSeconds(30));
            assertThat(FreePort.isListening(port)).isFalse();
            assertThat(dataDir).doesNotExist();
            assertThat(entry).doesNotExist();
        } finally {
            child.destroyForcibly();
            killIfRunning(postmaster);
            if (dataDir != null) {
                ProcessLedger.deleteTree(dataDir);
            }
        }
    }

    @Test
    void serverOwnedByALiveJvmIsNotReaped() throws SQLException {
        try (PostgresServer postgres = PostgresServer.throwaway()) {
            Path entry = Processes.ledgerEntry("postgres", postgres.pid());
            assertThat(Processes.read(entry).getProperty("owner")).isEqualTo(Long.toString(ProcessHandle.current().pid()));
            Path dataDir = Path.of(Processes.read(entry).getProperty("dir"));

            ProcessLedger.reapOrphans();

            assertThat(isRunning(postgres.pid())).isTrue();
            assertThat(selectOne(postgres.port())).isEqualTo(1);
            assertThat(dataDir.resolve("postmaster.pid")).exists();
            assertThat(entry).exists();
        }
    }

    @Test
    void ownerPidReusedByAnotherProcessCountsAsGone(@TempDir Path dir) throws IOException, InterruptedException {
        // The recorded owner pid is alive (it is this JVM) but started at another time than recorded:
        // the pid was recycled, so the JVM that owned the server is gone.
        Process server = new ProcessBuilder("sleep", "300").start();
        Path throwawayDir = Files.createDirectories(dir.resolve("throwaway/data"));
        Files.writeString(throwawayDir.resolve("file"), "x");
        Path entry = Processes.ledgerEntry("reuse-test", server.pid());
        try {
            Properties fake = new Properties();
            fake.setProperty("kind", "reuse-test");
            fake.setProperty("pid", Long.toString(server.pid()));
            fake.setProperty("owner", Long.toString(ProcessHandle.current().pid()));
            fake.setProperty("ownerStart", Instant.parse("2001-01-01T00:00:00Z").toString());
            fake.setProperty("dir", throwawayDir.resolve("..").normalize().toString());
            Files.createDirectories(Processes.LEDGER);
            try (var out = Files.newBufferedWriter(entry)) {
                fake.store(out, null);
            }

            ProcessLedger.reapOrphans();

            assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("the orphan ended").isTrue();
            assertThat(server.exitValue()).as("ended by SIGTERM").isEqualTo(128 + 15);
            assertThat(dir.resolve("throwaway")).doesNotExist();
            assertThat(entry).doesNotExist();
        } finally {
            server.destroyForcibly();
            ProcessLedger.forget(entry);
        }
    }

    private static int selectOne(int port) throws SQLException {
        try (Connection c = DriverManager.getConnection(PostgresServer.jdbcUrl(port, "postgres"),
                PostgresServer.USER, PostgresServer.PASSWORD);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1")) {
            assertThat(rs.next()).isTrue();
            return rs.getInt(1);
        }
    }
}
