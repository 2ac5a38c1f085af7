package dev.funnel.load.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Who used the CPU during the measured window: the machine as a whole and each part of the funnel, in cores
 * busy, read from Linux's {@code /proc} at the window's start and end. The bench shares the machine with what it
 * measures, so this tells whether the cores were saturated and by whom; elsewhere than Linux there is no figure.
 *
 * <p>Why it is worth a table: the rate alone does not tell how hard the funnel worked for it. On two cores each
 * service kept about a third of a core busy at 500 leads/s and flat out alike, so a saturated machine at a
 * moderate rate is not by itself a sign of too little capacity; the cores busy per part show where the time went.
 */
final class CpuUse {

    /** The services, each found by its name in a process's command line. */
    private static final List<String> SERVICES = List.of("marketing-service", "sales-service", "analytics-service");

    /** The parts of the funnel a process can belong to, in the order the report lists them. */
    static final List<String> GROUPS = Stream.concat(SERVICES.stream(), Stream.of("PostgreSQL", "Kafka", "bench",
            "other")).toList();

    /** What {@code /proc} said at one moment: all CPUs' time, how many CPUs, and each process's CPU time. */
    record Snapshot(long busyTicks, long allTicks, int cpus, Map<Long, ProcessCpu> processes) {
    }

    /** A process, the part of the funnel it belongs to, and the CPU time it has used since it started. */
    record ProcessCpu(String group, long ticks) {
    }

    /** The window: cores busy over the whole machine, and cores busy per part of the funnel. */
    record Window(double busyCores, int cpus, Map<String, Double> coresByGroup) {
    }

    private CpuUse() {
    }

    /** {@code /proc} now, as seen from this process; empty where there is no {@code /proc/stat} it can read. */
    static Optional<Snapshot> take(Path proc, long selfPid) {
        List<String> stat;
        try {
            stat = Files.readAllLines(proc.resolve("stat"));
        } catch (IOException e) {
            return Optional.empty();
        }
        long[] all;
        try {
            all = stat.stream().filter(line -> line.startsWith("cpu ")).findFirst().map(CpuUse::numbers).orElse(null);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (all == null || all.length < 4) {
            return Optional.empty();
        }
        int cpus = (int) stat.stream().filter(line -> line.matches("cpu\\d+ .*")).count();
        long total = Arrays.stream(all).limit(8).sum(); // guest time is already counted in user time
        long idle = all[3] + (all.length > 4 ? all[4] : 0); // idle and iowait
        Map<Long, ProcessCpu> processes = new HashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc, entry -> entry.getFileName().toString()
                .chars().allMatch(Character::isDigit))) {
            for (Path entry : entries) {
                long pid = Long.parseLong(entry.getFileName().toString());
                process(entry, pid, selfPid).ifPresent(p -> processes.put(pid, p));
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(new Snapshot(total - idle, total, Math.max(cpus, 1), processes));
    }

    /**
     * The window between two snapshots. A process's CPU time counts from the first snapshot, or from its start
     * when it started in between; one that ended in between (a database connection closed) is missing from it.
     */
    static Window between(Snapshot from, Snapshot to) {
        double elapsed = Math.max(to.allTicks() - from.allTicks(), 1);
        double coresPerTick = to.cpus() / elapsed;
        Map<String, Double> byGroup = new TreeMap<>();
        to.processes().forEach((pid, now) -> {
            ProcessCpu before = from.processes().get(pid);
            long used = now.ticks() - (before == null ? 0 : before.ticks());
            byGroup.merge(now.group(), Math.max(used, 0) * coresPerTick, Double::sum);
        });
        return new Window((to.busyTicks() - from.busyTicks()) * coresPerTick, to.cpus(), byGroup);
    }

    /** Which part of the funnel a process is, by its command line. */
    static String groupOf(List<String> args, long pid, long selfPid) {
        if (pid == selfPid) {
            return "bench";
        }
        for (String service : SERVICES) {
            if (args.stream().anyMatch(arg -> arg.contains(service))) {
                return service;
            }
        }
        if (args.contains("kafka.Kafka")) {
            return "Kafka";
        }
        if (!args.isEmpty() && (args.get(0).startsWith("postgres") || args.get(0).endsWith("/postgres"))) {
            return "PostgreSQL"; // the server itself, and its backends, which rename themselves "postgres: ..."
        }
        return "other";
    }

    private static Optional<ProcessCpu> process(Path dir, long pid, long selfPid) {
        try {
            String stat = Files.readString(dir.resolve("stat"));
            // the command name in parentheses may hold blanks and parentheses: the fields start after the last ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
            List<String> args = new ArrayList<>(Arrays.asList(
                    new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8).split("\0")));
            args.removeIf(String::isEmpty);
            return Optional.of(new ProcessCpu(groupOf(args, pid, selfPid), ticks));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // gone meanwhile, or not ours to read
        }
    }

    private static long[] numbers(String line) {
        return Arrays.stream(line.trim().split("\\s+")).skip(1).mapToLong(Long::parseLong).toArray();
    }
}
