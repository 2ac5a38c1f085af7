package dev.funnel.simulator.play;

import dev.funnel.contracts.access.Roles;
import dev.funnel.simulator.BusinessPlan;
import dev.funnel.simulator.Ledger;
import dev.funnel.simulator.PlanSettings;
import dev.funnel.simulator.client.BearerToken;
import dev.funnel.simulator.client.FunnelClient;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Plays a {@link BusinessPlan} against a running funnel through its public REST APIs, in business
 * time that runs {@code daysPerMinute} days to the wall minute, and returns the ledger of what the
 * services confirmed. Waits for the three services to be ready first; when the wall time is up or the
 * plan is over, stops starting requests and waits for those under way. Every request carries the
 * run's bearer token; the first call the services deny for it (401, 403) ends the run at once.
 */
public final class Simulation {

    /**
     * The roles the run's token must carry: lead-intake for the forms and awareness, marketer for the
     * campaigns and their spend, sales for the sales team (reps, the pipeline, referrals). Each call names
     * the one it needs where it is made.
     */
    public static final List<String> ROLES = List.of(Roles.LEAD_INTAKE, Roles.MARKETER, Roles.SALES);

    /** How long the simulation waits for the services to be ready before it gives up. */
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);
    private static final long TICK_NANOS = Duration.ofMillis(20).toNanos();
    /** Awareness goes out at most this often: at a fast pace one request carries many hours, as ad platforms batch theirs. */
    private static final Duration AWARENESS_EVERY = Duration.ofSeconds(1);
    /** How often the sales team reads sales' list of qualified leads for the leads it awaits. */
    private static final Duration LOOK_EVERY = Duration.ofMillis(500);

    /**
     * @param token          sent with every request; a JWT whose roles or expiry will not do stops the run before it starts
     * @param runTag         marks this run's emails, campaign names and idempotency keys, so that two runs
     *                       of one plan on one funnel stay apart; letters and digits
     * @param windDown       after the plan's days, how long the sales team may go on working the open deals
     *                       (no more campaigns, spend, awareness or forms); it stops sooner once nothing is left
     * @param maxInFlight    requests under way at once, at most
     * @param giveUpAfter    how long a refused request is retried, and a new lead awaited in sales
     * @param progressEvery  how often a progress line is printed
     * @param out            where progress goes; null for none
     */
    public record Options(URI marketing, URI sales, URI analytics, BearerToken token, PlanSettings plan, Duration duration,
                          Duration windDown, double daysPerMinute, String currency, String runTag, int maxInFlight,
                          Duration giveUpAfter, Duration requestTimeout, Duration progressEvery, PrintStream out) {

        public Options {
            if (token == null) {
                throw new IllegalArgumentException("a bearer token with roles " + String.join(", ", ROLES) + " is needed");
            }
            if (!runTag.matches("[a-z0-9]{1,20}")) {
                throw new IllegalArgumentException("a run tag is 1 to 20 lower-case letters and digits, not " + runTag);
            }
            if (daysPerMinute <= 0) {
                throw new IllegalArgumentException("days per minute must be positive, not " + daysPerMinute);
            }
        }
    }

    private final Options options;
    private volatile boolean closingEarly;
    private volatile String denial;

    public Simulation(Options options) {
        this.options = options;
    }

    /**
     * Ends the plan's days now, as if its duration were up: no more campaigns, spend, awareness or forms;
     * the sales team works the open deals through the wind-down. For a caller whose own schedule (a
     * sequence of faults, say) decides how long the business plays. Safe from any thread.
     */
    public void closeEarly() {
        closingEarly = true;
    }

    /** Business days {@code duration} covers at {@code daysPerMinute}: the length of the plan to draw. */
    public static int daysFor(Duration duration, double daysPerMinute) {
        return (int) Math.max(1, Math.ceil(duration.toMillis() / 60_000.0 * daysPerMinute));
    }

    /** A tag for a run started now: base 36 of the second, so runs started apart never share one. */
    public static String tagForNow() {
        return Long.toString(Instant.now().getEpochSecond(), 36);
    }

    /**
     * The first call the services denied for the token, with the role it needs: why the run stopped
     * early. Empty while none was (and before {@link #run()}).
     */
    public Optional<String> denial() {
        return Optional.ofNullable(denial);
    }

    /**
     * @throws IllegalStateException when the token cannot do (expired, or without a role the run needs) or
     *                               the services are not ready
     */
    public Ledger.Summary run() throws InterruptedException {
        options.token().unfitFor(ROLES, Instant.now()).ifPresent(why -> {
            throw new IllegalStateException(why + "; the simulator needs a token with roles " + String.join(", ", ROLES));
        });
        Ledger ledger = new Ledger();
        FunnelClient client = new FunnelClient(ledger, options.token(), options.requestTimeout(), options.giveUpAfter());
        try {
            return play(client, ledger);
        } finally {
            denial = client.denial().orElse(null);
        }
    }

    private Ledger.Summary play(FunnelClient client, Ledger ledger) throws InterruptedException {
        awaitReady(client);
        BusinessPlan plan = new BusinessPlan(options.plan());
        int days = options.plan().days();
        BusinessClock clock = new BusinessClock(LocalDate.now(ZoneOffset.UTC), days, options.daysPerMinute());
        try (InFlight inFlight = new InFlight(options.maxInFlight())) {
            RunContext run = new RunContext(options, clock, new Agenda(), inFlight, client, ledger);
            SalesTeam sales = new SalesTeam(run);
            MarketingTeam marketing = new MarketingTeam(run, sales, plan.campaigns());
            sales.hire(plan.reps());
            say(String.format("playing %d business days (%s to %s) in %d s: %d campaigns, %.0f leads a weekday, %d reps; run %s",
                    days, clock.date(0), clock.date(days - 1), options.duration().toSeconds(), plan.campaigns().size(),
                    options.plan().leadsPerDay(), plan.reps().size(), options.runTag()));
            clock.start();
            ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory());
            int[] day = {0};
            progress.scheduleAtFixedRate(() -> say(Progress.line(clock.wallElapsed(), day[0], days, ledger.summary())),
                    options.progressEvery().toMillis(), options.progressEvery().toMillis(), TimeUnit.MILLISECONDS);
            try {
                Instant end = clock.startOf(days);
                Duration awarenessSent = Duration.ZERO;
                Duration salesLooked = Duration.ZERO;
                Duration stop = options.duration();
                boolean windingDown = false;
                while (client.denial().isEmpty()) { // a denied call would be denied again: nothing to play
                    Duration elapsed = clock.wallElapsed();
                    Instant now = clock.now();
                    if (!windingDown && (closingEarly || !now.isBefore(end) || elapsed.compareTo(options.duration()) >= 0)) {
                        windingDown = true; // the days are played: only the agenda (sales' moves) goes on
                        stop = elapsed.plus(options.windDown());
                    }
                    if (windingDown && (elapsed.compareTo(stop) >= 0
                            || run.agenda().size() == 0 && !sales.awaitsLeads() && inFlight.underWay() == 0)) {
                        break;
                    }
                    while (!windingDown && plan.hasNextDay() && !now.isBefore(clock.startOf(day[0]))) {
                        marketing.begin(plan.nextDay());
                        day[0]++;
                    }
                    for (Runnable happening : run.agenda().due(now)) {
                        happening.run();
                    }
                    if (clock.wallElapsed().minus(awarenessSent).compareTo(AWARENESS_EVERY) >= 0) {
                        marketing.flushAwareness();
                        awarenessSent = clock.wallElapsed();
                    }
                    if (clock.wallElapsed().minus(salesLooked).compareTo(LOOK_EVERY) >= 0) {
                        sales.lookForQualified();
                        salesLooked = clock.wallElapsed();
                    }
                    Instant next = run.agenda().next();
                    LockSupport.parkNanos(next == null ? TICK_NANOS : Math.min(TICK_NANOS, clock.wallNanosUntil(next)));
                }
                if (client.denial().isEmpty()) {
                    marketing.flushAwareness();
                }
                if (!inFlight.awaitIdle(options.giveUpAfter().plus(options.requestTimeout()).plusSeconds(5))) {
                    say("stopped waiting for " + inFlight.underWay() + " requests still under way");
                }
            } finally {
                progress.shutdownNow();
            }
            say(Progress.line(clock.wallElapsed(), day[0], days, ledger.summary()));
        }
        return ledger.summary();
    }

    private void awaitReady(FunnelClient client) throws InterruptedException {
        List<URI> services = List.of(options.marketing(), options.sales(), options.analytics());
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        for (URI service : services) {
            while (!client.ready(service)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(service + " is not ready (GET /q/health/ready); is the funnel running?");
                }
                Thread.sleep(500);
            }
        }
    }

    private void say(String line) {
        if (options.out() != null) {
            options.out().println(line);
        }
    }
}
