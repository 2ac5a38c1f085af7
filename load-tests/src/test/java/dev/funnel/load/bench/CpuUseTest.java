package dev.funnel.load.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuUseTest {

    private static final long SELF = 900;

    @TempDir
    Path proc;

    @Test
    void eachProcessBelongsToThePartOfTheFunnelItsCommandLineNames() {
        assertThat(CpuUse.groupOf(List.of("/usr/bin/java", "-Xmx384m", "-jar",
                "/srv/funnel/sales-service/target/quarkus-app/quarkus-run.jar"), 10, SELF)).isEqualTo("sales-service");
        assertThat(CpuUse.groupOf(List.of("java", "-cp", "a.jar:b.jar", "kafka.Kafka", "server.properties"), 11, SELF))
                .isEqualTo("Kafka");
        assertThat(CpuUse.groupOf(List.of("postgres: postgres marketing 127.0.0.1(38036) idle"), 12, SELF))
                .isEqualTo("PostgreSQL");
        assertThat(CpuUse.groupOf(List.of("/tmp/embedded-pg/bin/postgres", "-D", "/data"), 13, SELF))
                .isEqualTo("PostgreSQL");
        assertThat(CpuUse.groupOf(List.of("java", "dev.funnel.load.bench.Bench", "--marketing", "http://x"), SELF, SELF))
                .isEqualTo("bench");
        assertThat(CpuUse.groupOf(List.of("bash", "./funnel", "bench"), 14, SELF)).isEqualTo("other");
        assertThat(CpuUse.groupOf(List.of(), 15, SELF)).isEqualTo("other"); // a kernel thread has no command line
    }

    @Test
    void theWindowCountsTheCoresEachPartKeptBusy() throws IOException {
        // two cores for 10 s: 2,000 ticks of all CPUs at 100 a second, 1,500 of them busy
        machine(1_000, 4_000, 100, 0);
        process(100, "java", 5_000, 1_000, "java", "-jar", "marketing-service/quarkus-run.jar");
        process(200, "postgres", 300, 100, "postgres: postgres sales 127.0.0.1(1) idle");
        process(300, "postgres", 50, 50, "postgres: postgres marketing 127.0.0.1(2) idle");
        CpuUse.Snapshot start = CpuUse.take(proc, SELF).orElseThrow();

        machine(2_400, 4_600, 100, 0);
        process(100, "java", 5_500, 1_100, "java", "-jar", "marketing-service/quarkus-run.jar"); // 600 ticks: 0.6 core
        process(200, "postgres", 500, 200, "postgres: postgres sales 127.0.0.1(1) idle"); // 300 ticks
        deleteProcess(300); // a connection closed in between: its ticks are lost, not negative
        process(400, "postgres", 100, 100, "postgres: postgres analytics 127.0.0.1(3) idle"); // new: 200 ticks
        process(500, "(sd-pam) x)", 20, 0, "kworker"); // a name with blanks and parentheses
        CpuUse.Snapshot end = CpuUse.take(proc, SELF).orElseThrow();

        CpuUse.Window window = CpuUse.between(start, end);
        assertThat(window.cpus()).isEqualTo(2);
        assertThat(window.busyCores()).isCloseTo(1.4, within(1e-9)); // 1,400 busy of 2,000 ticks on 2 cores
        assertThat(window.coresByGroup()).containsOnlyKeys("marketing-service", "PostgreSQL", "other");
        assertThat(window.coresByGroup().get("marketing-service")).isCloseTo(0.6, within(1e-9));
        assertThat(window.coresByGroup().get("PostgreSQL")).isCloseTo(0.5, within(1e-9));
        assertThat(window.coresByGroup().get("other")).isCloseTo(0.02, within(1e-9));
        assertThat(BenchReport.cpuLine(window))
                .isEqualTo("1.40 of 2 cores busy: marketing-service 0.60, PostgreSQL 0.50, other 0.02");
    }

    @Test
    void withoutProcStatThereIsNoFigure() {
        assertThat(CpuUse.take(proc.resolve("missing"), SELF)).isEmpty();
    }

    @Test
    void aProcStatItCannotReadGivesNoFigureRatherThanAFailure() throws IOException {
        Files.writeString(proc.resolve("stat"), "cpu  12 x 3 4\ncpu0 12 x 3 4\n");
        assertThat(CpuUse.take(proc, SELF)).isEmpty();
    }

    /** /proc/stat of a two-core machine: its user and idle ticks, spread over both cores. */
    private void machine(long user, long idle, long system, long iowait) throws IOException {
        String all = "cpu  %d 0 %d %d %d 0 0 0 0 0".formatted(user, system, idle, iowait);
        String core = "cpu%d %d 0 %d %d %d 0 0 0 0 0";
        Files.writeString(proc.resolve("stat"), String.join("\n", all,
                core.formatted(0, user / 2, system / 2, idle / 2, iowait / 2),
                core.formatted(1, user / 2, system / 2, idle / 2, iowait / 2),
                "intr 12345", "ctxt 67890", ""));
    }

    private void process(long pid, String name, long utime, long stime, String... args) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
        // fields after the name: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
        Files.writeString(dir.resolve("stat"), "%d (%s) S 1 1 1 0 -1 4194560 10 0 0 0 %d %d 0 0 20 0 40 0 100"
                .formatted(pid, name, utime, stime));
        Files.write(dir.resolve("cmdline"), (String.join("\0", args) + "\0").getBytes(StandardCharsets.UTF_8));
    }

    private void deleteProcess(long pid) throws IOException {
        Path dir = proc.resolve(Long.toString(pid));
        for (String file : new String[] {"stat", "cmdline"}) {
            Files.deleteIfExists(dir.resolve(file));
        }
        Files.delete(dir);
    }

    @Test
    void aProcessWithoutItsFilesIsLeftOut() throws IOException {
        machine(10, 10, 0, 0);
        Files.createDirectories(proc.resolve("77")); // vanished between listing and reading
        assertThat(CpuUse.take(proc, SELF).orElseThrow().processes()).isEqualTo(Map.of());
    }
}
