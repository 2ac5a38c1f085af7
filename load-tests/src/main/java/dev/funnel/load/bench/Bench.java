package dev.funnel.load.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.contracts.access.Roles;
import dev.funnel.load.Access;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code ./funnel bench}: posts single leads at a set rate or flat out to a running funnel, times how long they
 * take to show in analytics, watches every consumer group's lag and the CPU each part uses, then measures the
 * raw PostgreSQL and Kafka rates; writes {@code report.md} and {@code report.png} and prints a summary. Every call
 * carries a bearer token; a call denied for it (401, 403) stops the bench, naming the role it needs.
 */
public final class Bench {

    /**
     * The roles the bench's token must carry: marketer for its campaign, lead-intake for the leads, analyst
     * for watching them arrive in analytics. Each call names the one it needs where it is made.
     */
    static final List<String> ROLES = List.of(Roles.LEAD_INTAKE, Roles.MARKETER, Roles.ANALYST);

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Path PROC = Path.of("/proc");

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.println(BenchOptions.USAGE);
            return;
        }
        if (List.of(args).contains("--roles")) { // for scripts that mint the token
            System.out.println(String.join(",", ROLES));
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        BenchReport.Run run;
        try {
            run = run(options);
        } catch (DeniedException e) {
            System.err.println("error: " + e.getMessage() + "; the bench needs a token with roles "
                    + String.join(", ", ROLES));
            System.exit(1);
            return;
        }
        Files.createDirectories(options.out());
        BenchReport.writeMarkdown(options.out().resolve("report.md"), run);
        ReportChart.write(options.out().resolve("report.png"),
                "Funnel bench: " + run.mode() + ", " + options.connections() + " connections, "
                        + run.startedAt().truncatedTo(ChronoUnit.SECONDS),
                run.answers().perSecond(options.seconds()), run.arrivals().perSecond(options.seconds()),
                options.rate(), BenchReport.TARGET_P99_MS);
        System.out.println();
        System.out.print(BenchReport.summary(run));
        System.out.println("report: " + options.out().resolve("report.md").toAbsolutePath()
                + " and report.png beside it");
    }

    /** A call denied for the token: the bench stops, as nothing it would measure means anything. */
    static final class DeniedException extends RuntimeException {
        DeniedException(String message) {
            super(message);
        }
    }

    private static BenchReport.Run run(BenchOptions options) throws Exception {
        String runId = Long.toString(System.currentTimeMillis(), 36);
        Instant startedAt = Instant.now();
        Machine machine = Machine.here();
        String loadBefore = Machine.loadAverage();
        List<String> problems = new ArrayList<>();
        // first: a token that will not do is told in a second, not after the load
        UUID campaign = createCampaign(options, runId);
        analyticsAdmitsTheToken(options, campaign);

        Latencies answers = new Latencies();
        Latencies arrivals = new Latencies();
        long start = System.nanoTime();
        long measuredFrom = start + Duration.ofSeconds(options.warmupSeconds()).toNanos();
        long end = measuredFrom + Duration.ofSeconds(options.seconds()).toNanos();
        // on the wall clock too, to line the per-second table up with the services' logs
        Instant measuredAt = Instant.now().plusNanos(measuredFrom - System.nanoTime());
        // the run with its warm-up, plus the patience of the wait for the last leads at the end
        Duration run = Duration.ofSeconds(options.warmupSeconds() + options.seconds()).plus(PATIENCE);
        AnalyticsArrival arrival = new AnalyticsArrival(options.analytics(), options.token(), campaign, run, arrivals,
                measuredFrom);
        LeadIntake intake = new LeadIntake(options.marketing(), options.token(), campaign, runId,
                options.rate(), options.connections());
        FutureTask<Optional<CpuUse.Window>> cpu = new FutureTask<>(() -> cpuOver(measuredFrom, end));
        Thread.ofPlatform().name("cpu-use").daemon().start(cpu);
        LeadIntake.Outcome outcome;
        int notVisible;
        List<ConsumerLag.Sample> lag;
        try (ConsumerLag lagWatch = new ConsumerLag(options.bootstrap())) {
            lagWatch.start(measuredFrom);
            arrival.start();
            System.out.printf("posting leads %s for %d s (+%d s warm-up) over %d connections, campaign %s ...%n",
                    options.flatOut() ? "flat out" : "at " + options.rate() + "/s", options.seconds(),
                    options.warmupSeconds(), options.connections(), campaign);
            Thread progress = Thread.ofPlatform().daemon().start(() -> printProgress(answers, measuredFrom, end));
            outcome = intake.run(start, measuredFrom, end, answers, arrival, options.sampleEvery());
            progress.interrupt();
            if (outcome.denial() != null) {
                throw new DeniedException(outcome.denial());
            }
            System.out.printf("load done; waiting up to %d s for the sampled leads to show in analytics ...%n",
                    PATIENCE.toSeconds());
            notVisible = arrival.finish(PATIENCE);
            lag = lagWatch.samples();
            if (lagWatch.problem() != null) {
                problems.add("consumer lag: " + lagWatch.problem());
            }
        }
        String loadAfter = Machine.loadAverage();
        Optional<CpuUse.Window> cpuUse = cpuUse(cpu, problems);
        // The ceilings come after the load, not before it, and Kafka's last: it writes about 1 GB in 10 s, which
        // Linux writes back to disk some 30 s later (vm.dirty_expire_centisecs); measured first, that fell
        // on the start of the measured window and slowed PostgreSQL's commits, and the intake with them.
        Duration ceiling = Duration.ofSeconds(options.ceilingSeconds());
        Ceilings.Rate kafka = new Ceilings.Rate("Kafka producer", 0, 0, Optional.empty());
        Ceilings.Rate postgres = new Ceilings.Rate("PostgreSQL inserts", 0, 0, Optional.empty());
        if (options.ceilingSeconds() > 0) {
            System.out.printf("ceiling 1/2: single-row PostgreSQL inserts for %d s ...%n", options.ceilingSeconds());
            postgres = Ceilings.postgresInserts(options.postgres(), "postgres", "postgres", ceiling);
            System.out.printf("  %,.0f inserts/s%n", postgres.perSecond());
            System.out.printf("ceiling 2/2: a plain Kafka producer for %d s ...%n", options.ceilingSeconds());
            kafka = Ceilings.kafkaProducer(options.bootstrap(), runId, ceiling);
            System.out.printf("  %,.0f records/s%n", kafka.perSecond());
            kafka.problem().ifPresent(p -> problems.add("Kafka ceiling: " + p));
            postgres.problem().ifPresent(p -> problems.add("PostgreSQL ceiling: " + p));
        }

        if (arrival.problem() != null) {
            problems.add("analytics poll: " + arrival.problem());
        }
        if (outcome.firstProblem() != null) {
            problems.add("first lead not accepted: " + outcome.firstProblem());
        }
        return new BenchReport.Run(runId, startedAt, measuredAt, options, machine, loadBefore, loadAfter, kafka,
                postgres, outcome, answers, arrivals, notVisible, arrival.meanPollMillis(), lag, cpuUse, problems);
    }

    /** The CPU figures, or none and a problem noted: a side measurement that failed must not lose the run's figures. */
    private static Optional<CpuUse.Window> cpuUse(FutureTask<Optional<CpuUse.Window>> cpu, List<String> problems)
            throws InterruptedException {
        try {
            return cpu.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            problems.add("CPU use: not measured (" + (e.getCause() == null ? e : e.getCause()) + ")");
            return Optional.empty();
        }
    }

    /** The CPU used from the start of the measured window to its end, read from /proc where there is one. */
    private static Optional<CpuUse.Window> cpuOver(long from, long end) throws InterruptedException {
        long self = ProcessHandle.current().pid();
        Thread.sleep(Duration.ofNanos(Math.max(0, from - System.nanoTime())));
        Optional<CpuUse.Snapshot> first = CpuUse.take(PROC, self);
        Thread.sleep(Duration.ofNanos(Math.max(0, end - System.nanoTime())));
        return first.flatMap(start -> CpuUse.take(PROC, self).map(last -> CpuUse.between(start, last)));
    }

    /** A campaign of the run's own, so its funnel counts only this run's leads. */
    private static UUID createCampaign(BenchOptions options, String runId) throws IOException, InterruptedException {
        String body = new ObjectMapper().writeValueAsString(Map.of(
                "name", "bench " + runId, "channel", "OTHER", "budget", 0, "currency", options.currency(),
                "startsOn", LocalDate.now(ZoneOffset.UTC).toString()));
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(options.marketing().resolve("/api/campaigns"))
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .header("Authorization", Access.header(options.token()))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (Access.denies(response.statusCode())) {
            throw new DeniedException("marketing answered " + response.statusCode() + " to POST /api/campaigns: "
                    + Access.whyDenied(response.statusCode(), Roles.MARKETER));
        }
        if (response.statusCode() != 201) {
            throw new IllegalStateException("marketing refused the bench's campaign: " + response.statusCode() + " "
                    + response.body() + (response.body().contains("currency") ? " (set FUNNEL_CURRENCY)" : ""));
        }
        return UUID.fromString(new ObjectMapper().readTree(response.body()).path("id").asText());
    }

    /** One look at the campaign's funnel, as the arrival poller will look: a token without analyst stops here. */
    private static void analyticsAdmitsTheToken(BenchOptions options, UUID campaign) throws IOException, InterruptedException {
        String path = "/api/analytics/funnel?campaignId=" + campaign;
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(options.analytics().resolve(path)).header("Accept", "application/json")
                        .header("Authorization", Access.header(options.token())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (Access.denies(response.statusCode())) {
            throw new DeniedException("analytics answered " + response.statusCode() + " to GET /api/analytics/funnel: "
                    + Access.whyDenied(response.statusCode(), Roles.ANALYST));
        }
    }

    private static void printProgress(Latencies answers, long measuredFrom, long end) {
        try {
            while (System.nanoTime() < end) {
                Thread.sleep(10_000);
                long now = System.nanoTime();
                if (now >= measuredFrom && now < end) {
                    Latencies.Figures sofar = answers.overall();
                    System.out.printf("  %3d s: %,d accepted, POST p99 %.1f ms%n",
                            (now - measuredFrom) / 1_000_000_000L, sofar.count(), sofar.p99());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Bench() {
    }
}
