package dev.funnel.load.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** The run written down: {@code report.md} for reading later, a few lines for the terminal now. */
final class BenchReport {

    static final double TARGET_P99_MS = 250;
    static final int TARGET_P99_RATE = 1000;
    static final int TARGET_INTAKE = 5000;

    /** Everything one run measured. */
    record Run(String runId, Instant startedAt, Instant measuredFrom, BenchOptions options, Machine machine, String loadBefore,
               String loadAfter, Ceilings.Rate kafka, Ceilings.Rate postgres, LeadIntake.Outcome intake,
               Latencies answers, Latencies arrivals, int notVisible, double pollMillis,
               List<ConsumerLag.Sample> lag, Optional<CpuUse.Window> cpu, List<String> problems) {

        double acceptedPerSecond() {
            return answers.perSecond(options.seconds()).stream().mapToInt(Latencies.Figures::count).sum()
                    / (double) options.seconds();
        }

        String mode() {
            return options.flatOut() ? "flat out" : String.format("%,d leads/s", options.rate());
        }
    }

    private BenchReport() {
    }

    static String p99Verdict(Run run) {
        Latencies.Figures e2e = run.arrivals().overall();
        if (run.options().flatOut()) {
            return "not judged: a flat-out run has no set rate";
        }
        if (e2e.count() == 0) {
            return "NOT MET: no sampled lead was seen in analytics";
        }
        boolean kept = run.acceptedPerSecond() >= 0.99 * run.options().rate();
        boolean met = kept && e2e.p99() < TARGET_P99_MS && run.notVisible() == 0;
        String at = run.options().rate() == TARGET_P99_RATE ? ""
                : String.format(" (run at %,d/s; the target is stated at %,d/s)", run.options().rate(), TARGET_P99_RATE);
        return (met ? "met" : "NOT MET") + String.format(": p99 %.1f ms at %,.0f accepted/s%s%s", e2e.p99(),
                run.acceptedPerSecond(), kept ? "" : ", below the set rate", at);
    }

    static String intakeVerdict(Run run) {
        double rate = run.acceptedPerSecond();
        if (!run.options().flatOut() && run.options().rate() < TARGET_INTAKE) {
            return String.format("not judged: the rate was capped at %,d/s (run --flat-out)", run.options().rate());
        }
        return (rate >= TARGET_INTAKE ? "met" : "NOT MET") + String.format(": %,.0f leads/s accepted", rate);
    }

    static String summary(Run run) {
        Latencies.Figures post = run.answers().overall();
        Latencies.Figures e2e = run.arrivals().overall();
        StringBuilder out = new StringBuilder();
        out.append(String.format("bench %s, %d s measured, %d connections; load average %s before, %s after%n",
                run.mode(), run.options().seconds(), run.options().connections(), run.loadBefore(), run.loadAfter()));
        out.append(String.format("  accepted       %,.0f leads/s (%,d in the measured window)%n", run.acceptedPerSecond(),
                run.answers().perSecond(run.options().seconds()).stream().mapToInt(Latencies.Figures::count).sum()));
        out.append(String.format("  POST latency   p50 %.1f ms  p99 %.1f ms  max %.1f ms%n", post.p50(), post.p99(), post.max()));
        out.append(String.format("  end-to-end     p50 %.1f ms  p99 %.1f ms  max %.1f ms  (%,d sampled, %d not seen)%n",
                e2e.p50(), e2e.p99(), e2e.max(), e2e.count(), run.notVisible()));
        out.append(String.format("  refused %s, unanswered %d, due but not sent by the end %,d%n",
                run.intake().refusedByStatus(), run.intake().unanswered(), run.intake().behindSchedule()));
        maxLagByGroup(run).forEach((group, max) ->
                out.append(String.format("  lag %-22s max %,d%n", group, max)));
        run.cpu().ifPresent(cpu -> out.append("  CPU            ").append(cpuLine(cpu)).append('\n'));
        out.append(String.format("  ceilings       Kafka %s, PostgreSQL %s%n", rate(run.kafka(), "records/s"),
                rate(run.postgres(), "inserts/s")));
        out.append("  target p99 < 250 ms at 1,000/s: ").append(p99Verdict(run)).append('\n');
        out.append("  target intake >= 5,000/s:       ").append(intakeVerdict(run)).append('\n');
        return out.toString();
    }

    static void writeMarkdown(Path file, Run run) throws IOException {
        BenchOptions o = run.options();
        Latencies.Figures post = run.answers().overall();
        Latencies.Figures e2e = run.arrivals().overall();
        StringBuilder md = new StringBuilder();
        md.append("# Funnel bench: ").append(run.mode()).append(", ").append(o.seconds()).append(" s\n\n");
        md.append("Run `").append(run.runId()).append("`, started ").append(run.startedAt())
                .append("; the measured window (second 0 of the per-second table) began ").append(run.measuredFrom())
                .append(".\n\n");

        md.append("## Machine\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| cores | ").append(run.machine().cores()).append(" |\n");
        md.append("| CPU | ").append(run.machine().cpu()).append(" |\n");
        md.append("| memory | ").append(run.machine().memory()).append(" |\n");
        md.append("| OS | ").append(run.machine().os()).append(" |\n");
        md.append("| Java (bench) | ").append(run.machine().runtime()).append(" |\n");
        md.append("| load average before (1/5/15 min) | ").append(run.loadBefore()).append(" |\n");
        md.append("| load average after | ").append(run.loadAfter()).append(" |\n\n");
        md.append("The services, Kafka, PostgreSQL and this load generator share these cores; a load average above "
                + "the core count means other work competed for them during the run.\n\n");

        md.append("## Parameters\n\n| | |\n|---|---|\n");
        md.append("| rate | ").append(o.flatOut() ? "flat out (each connection sends when its last answer is in)"
                : String.format("%,d leads/s, open model (due by the clock)", o.rate())).append(" |\n");
        md.append("| measured | ").append(o.seconds()).append(" s after a ").append(o.warmupSeconds())
                .append(" s warm-up at the same load |\n");
        md.append("| connections | ").append(o.connections()).append(" keep-alive HTTP/1.1 |\n");
        md.append("| end-to-end sample | every ").append(o.sampleEvery()).append(". accepted lead |\n");
        md.append("| marketing / analytics | ").append(o.marketing()).append(" / ").append(o.analytics()).append(" |\n");
        md.append("| Kafka / PostgreSQL | ").append(o.bootstrap()).append(" / ").append(o.postgres()).append(" |\n\n");

        md.append("## Figures\n\n| figure | value |\n|---|---|\n");
        md.append(String.format("| leads accepted (201) in the measured window | **%,.0f /s** (%,d) |%n",
                run.acceptedPerSecond(), run.answers().perSecond(o.seconds()).stream().mapToInt(Latencies.Figures::count).sum()));
        md.append(String.format("| POST /api/leads latency, due time to 201 (leads sent before the end) | p50 %.1f ms, p99 %.1f ms, max %.1f ms |%n",
                post.p50(), post.p99(), post.max()));
        md.append(String.format("| end-to-end latency, 201 to counted in analytics | **p50 %.1f ms, p99 %.1f ms**, max %.1f ms "
                + "(%,d sampled leads; %d not seen within 30 s) |%n", e2e.p50(), e2e.p99(), e2e.max(), e2e.count(), run.notVisible()));
        md.append(String.format("| resolution of end-to-end | one analytics poll: %.1f ms mean round trip, plus a 5 ms pause |%n",
                run.pollMillis()));
        md.append(String.format("| refused (status: count) / unanswered | %s / %d |%n",
                run.intake().refusedByStatus(), run.intake().unanswered()));
        if (!o.flatOut()) {
            md.append(String.format("| leads due but not sent by the end (no connection free) | %,d |%n",
                    run.intake().behindSchedule()));
        }
        md.append("| ceiling: ").append(run.kafka().what()).append(" | ").append(rate(run.kafka(), "records/s"))
                .append(String.format(" (%.1f MB/s) |%n", run.kafka().perSecond() * Ceilings.RECORD_BYTES / 1e6));
        md.append("| ceiling: ").append(run.postgres().what()).append(" | ").append(rate(run.postgres(), "inserts/s"))
                .append(" |\n\n");

        md.append("## Targets\n\n| target | result |\n|---|---|\n");
        md.append("| end-to-end p99 < 250 ms at 1,000 leads/s | ").append(p99Verdict(run)).append(" |\n");
        md.append("| sustained single-lead intake ≥ 5,000/s | ").append(intakeVerdict(run)).append(" |\n\n");

        md.append("## Consumer lag per group\n\nEnd offset minus committed offset, summed over the group's partitions, "
                + "sampled once a second.\n\n");
        lagTable(md, run);

        md.append("\n## CPU during the measured window\n\n");
        run.cpu().ifPresentOrElse(cpu -> cpuTable(md, cpu),
                () -> md.append("Not measured: this machine has no Linux `/proc` to read it from.\n"));

        md.append("\n## Per second\n\n![throughput and latency per second](report.png)\n\n");
        md.append("| s | 201s | POST p50 ms | POST p99 ms | sampled | e2e p50 ms | e2e p99 ms |\n|---|---|---|---|---|---|---|\n");
        List<Latencies.Figures> arrivals = run.arrivals().perSecond(o.seconds());
        List<Latencies.Figures> answers = run.answers().perSecond(o.seconds());
        for (int s = 0; s < o.seconds(); s++) {
            Latencies.Figures a = answers.get(s);
            Latencies.Figures e = arrivals.get(s);
            md.append(String.format("| %d | %,d | %.1f | %.1f | %d | %.1f | %.1f |%n",
                    s, a.count(), a.p50(), a.p99(), e.count(), e.p50(), e.p99()));
        }

        md.append("\n## How it was measured\n\n");
        md.append("""
                - **Intake**: each of the connections has a worker thread that posts one lead (a unique email, the \
                run's own campaign) and waits for its answer. At a set rate, lead *i* is due at start + *i*/rate \
                whichever worker sends it, and its latency runs from that due time: a lead that waited for a free \
                connection counts the wait (no coordinated omission). Flat out, a lead is due when a worker is free.
                - **End-to-end**: one thread polls `GET /api/analytics/funnel?campaignId=` for the run's campaign, \
                back to back with a 5 ms pause. The *k*-th accepted lead counts as visible at the answer of the \
                first poll whose `leads` is at least *k*; only every n-th lead is timed. Because leads cannot be \
                told apart in a count, this is the time until analytics had caught up with the *k*-th acceptance; \
                it equals that lead's own latency when leads arrive in the order their 201s came back. The SSE \
                stream was not used: it sends at most four updates a second, which would round everything up to \
                250 ms.
                - **Ceilings**: measured after the load, on the same server and broker: 64 JDBC connections doing \
                autocommit single-row INSERTs into a scratch table of a scratch database `bench` (the local server \
                runs with fsync and synchronous_commit on, as the services' databases do), then a plain producer \
                (acks=all, the client's other defaults) sending 1 KB records to a scratch topic. Kafka's comes last \
                because the gigabyte it writes is written back to disk half a minute later.
                """);
        if (!run.problems().isEmpty()) {
            md.append("\n## Problems seen\n\n");
            run.problems().forEach(problem -> md.append("- ").append(problem).append('\n'));
        }
        Files.writeString(file, md.toString());
    }

    private static void lagTable(StringBuilder md, Run run) {
        int seconds = run.options().seconds();
        Map<String, Long> max = maxLagByGroup(run);
        if (max.isEmpty()) {
            md.append("No consumer group was seen.\n");
            return;
        }
        Map<String, Long> atEnd = new TreeMap<>();
        Map<String, Long> after = new TreeMap<>();
        Map<String, double[]> mean = new TreeMap<>();
        for (ConsumerLag.Sample sample : run.lag()) {
            if (sample.second() >= 0 && sample.second() < seconds) {
                atEnd.putAll(sample.lagByGroup());
                sample.lagByGroup().forEach((group, lag) -> {
                    double[] sum = mean.computeIfAbsent(group, g -> new double[2]);
                    sum[0] += lag;
                    sum[1]++;
                });
            }
            if (sample.second() >= seconds) {
                after.putAll(sample.lagByGroup());
            }
        }
        md.append("| group | mean | max | at the end of the load | when the bench finished |\n|---|---|---|---|---|\n");
        for (String group : new TreeSet<>(max.keySet())) {
            double[] sum = mean.getOrDefault(group, new double[] {0, 1});
            md.append(String.format("| %s | %,.0f | %,d | %s | %s |%n", group, sum[0] / Math.max(sum[1], 1), max.get(group),
                    atEnd.containsKey(group) ? String.format("%,d", atEnd.get(group)) : "-",
                    after.containsKey(group) ? String.format("%,d", after.get(group)) : "-"));
        }
    }

    /** The machine's busy cores and each part's, in one line for the terminal. */
    static String cpuLine(CpuUse.Window cpu) {
        StringBuilder line = new StringBuilder(String.format("%.2f of %d cores busy:", cpu.busyCores(), cpu.cpus()));
        for (String group : CpuUse.GROUPS) {
            Double cores = cpu.coresByGroup().get(group);
            if (cores != null && cores >= 0.005) {
                line.append(String.format(" %s %.2f,", group, cores));
            }
        }
        line.setLength(line.length() - 1);
        return line.toString();
    }

    private static void cpuTable(StringBuilder md, CpuUse.Window cpu) {
        md.append(String.format("Read from `/proc` at the window's start and end: **%.2f of %d cores busy** "
                + "(%.0f%%). A core busy for the whole window counts 1.00.%n%n", cpu.busyCores(), cpu.cpus(),
                100 * cpu.busyCores() / cpu.cpus()));
        md.append("| part | cores busy | share of the machine |\n|---|---|---|\n");
        for (String group : CpuUse.GROUPS) {
            Double cores = cpu.coresByGroup().get(group);
            if (cores != null) {
                md.append(String.format("| %s | %.2f | %.0f%% |%n", group, cores, 100 * cores / cpu.cpus()));
            }
        }
    }

    private static Map<String, Long> maxLagByGroup(Run run) {
        Map<String, Long> max = new TreeMap<>();
        for (ConsumerLag.Sample sample : run.lag()) {
            if (sample.second() >= 0 && sample.second() < run.options().seconds()) {
                sample.lagByGroup().forEach((group, lag) -> max.merge(group, lag, Math::max));
            }
        }
        return max;
    }

    private static String rate(Ceilings.Rate rate, String unit) {
        if (rate.problem().isPresent() && rate.count() == 0) {
            return "not measured (" + rate.problem().get() + ")";
        }
        if (rate.seconds() == 0) {
            return "not measured";
        }
        return String.format("%,.0f %s", rate.perSecond(), unit);
    }
}
