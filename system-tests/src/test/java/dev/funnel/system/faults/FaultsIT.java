package dev.funnel.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.contracts.access.Roles;
import dev.funnel.infra.PostgresServer;
import dev.funnel.simulator.Ledger;
import dev.funnel.simulator.PlanSettings;
import dev.funnel.simulator.client.BearerToken;
import dev.funnel.simulator.play.Simulation;
import dev.funnel.system.RunningFunnel;
import dev.funnel.system.RunningFunnel.Service;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The funnel under faults loses nothing and counts nothing twice. The simulator plays a business
 * through the public APIs while, one after another, the Kafka broker is down for 20 s, each service is
 * killed (SIGKILL) and restarted, PostgreSQL is restarted, and every consumer is made to see every event
 * a second time. Once the consumers have caught up, every lead the APIs accepted must be in sales and
 * counted once in analytics, won deals and revenue must equal the ledger's, the outboxes must be empty,
 * and every refusal the simulator met must have been a clear one (503, no connection, a timeout).
 *
 * <p>Sized for CI: the business plays from before the first fault until a few seconds after the last,
 * five seconds of load between faults. {@code -Dfunnel.faults.scale=10} puts ten times the load between
 * faults.
 *
 * <p>Part of every {@code verify}: it takes about five minutes on a 2-core machine (280 s idle, 437 s at a load
 * average of 13). {@code -Dfunnel.faults=false} leaves it out of a quick local run.
 */
@DisabledIfSystemProperty(named = "funnel.faults", matches = "false")
class FaultsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SCALE = Integer.getInteger("funnel.faults.scale", 1);
    /** The most the business may play: it is closed early once the last fault is over (restarts take what they take). */
    private static final Duration PLAYED = Duration.ofMinutes(15L * SCALE);
    private static final Duration BETWEEN_FAULTS = Duration.ofSeconds(5L * SCALE);
    /** A client's patience: a service restarting on a busy machine may take a minute or two to be ready. */
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(4);
    private static final Duration KAFKA_OUTAGE = Duration.ofSeconds(20);
    private static final Duration WIND_DOWN = Duration.ofSeconds(20);
    private static final double DAYS_PER_MINUTE = 60;
    /**
     * What a fault may make a client see: the service's own 503 while a dependency is away, a refused or
     * dropped connection while a process is down or killed mid-request, no answer in time. A 500 or a
     * rejection would be a defect; the simulator retries these with the same Idempotency-Key.
     */
    private static final Set<String> CLEAR_REFUSALS = Set.of("503", "no connection", "connection lost", "timeout");

    private static final String WON = "SELECT count(*) FROM lead_history WHERE to_stage = 'WON'";

    private static RunningFunnel funnel;

    @BeforeAll
    static void start() {
        funnel = RunningFunnel.startPrivate();
    }

    @AfterAll
    static void stop() {
        if (funnel != null) {
            funnel.close();
        }
    }

    @Test
    void everyAcceptedLeadIsStoredAndCountedOnceThroughBrokerServiceAndDatabaseFaults() throws Exception {
        PlanSettings plan = new PlanSettings(2026, Simulation.daysFor(PLAYED, DAYS_PER_MINUTE), 6, 6, 4);
        // the simulator's token carries the roles it names, as ./funnel demo mints it
        BearerToken token = new BearerToken(funnel.token(Simulation.ROLES.toArray(String[]::new)));
        Simulation.Options options = new Simulation.Options(funnel.marketing("/"), funnel.sales("/"),
                funnel.analytics("/"), token, plan, PLAYED, WIND_DOWN, DAYS_PER_MINUTE, "USD", Simulation.tagForNow(), 32,
                GIVE_UP_AFTER, Duration.ofSeconds(15), Duration.ofSeconds(10), System.out);
        Simulation business = new Simulation(options);
        ExecutorService background = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().factory());
        CompletableFuture<Ledger.Summary> simulation = CompletableFuture.supplyAsync(() -> play(business), background);
        try {
            loadGoesOn(simulation, BETWEEN_FAULTS);
            fault("Kafka down for " + KAFKA_OUTAGE.toSeconds() + " s");
            funnel.stopKafka();
            try {
                loadGoesOn(simulation, KAFKA_OUTAGE);
            } finally {
                funnel.startKafka();
            }
            for (Service service : Service.values()) {
                loadGoesOn(simulation, BETWEEN_FAULTS);
                fault("SIGKILL " + service);
                funnel.kill(service);
                funnel.restart(service);
            }
            loadGoesOn(simulation, BETWEEN_FAULTS);
            fault("PostgreSQL restarted");
            funnel.stopPostgres();
            funnel.startPostgres();
            loadGoesOn(simulation, BETWEEN_FAULTS);
            fault("every consumer sees every event twice");
            replayEveryEvent();
            loadGoesOn(simulation, BETWEEN_FAULTS);
        } finally {
            business.closeEarly();
            background.shutdown();
        }
        Ledger.Summary ledger = simulation.get(WIND_DOWN.plus(GIVE_UP_AFTER).plusMinutes(1).toSeconds(), TimeUnit.SECONDS);

        awaitQuiet();
        List<Tally> tallies = tallies(ledger);
        System.out.println("refusals by reason: " + ledger.refusedBy() + ", gave up " + ledger.gaveUp()
                + ", rejected " + ledger.rejected());
        System.out.println(Tally.table(tallies));

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(ledger.leadsCreated()).as("a business worth checking").isGreaterThan(200);
        softly.assertThat(ledger.won()).as("won deals").isPositive();
        softly.assertThat(ledger.refused()).as("refusals: the faults were felt").isPositive();
        softly.assertThat(ledger.refusedBy().keySet()).as("refusals by reason: %s", ledger.problems())
                .isSubsetOf(CLEAR_REFUSALS);
        softly.assertThat(ledger.gaveUp()).as("given up: %s", ledger.problems()).isZero();
        softly.assertThat(ledger.rejected()).as("rejected: %s", ledger.problems()).isZero();
        softly.assertThat(ledger.denied()).as("denied for the token: %s", ledger.problems()).isZero();
        softly.assertThat(count(Service.MARKETING, "SELECT count(*) FROM lead")).as("leads in marketing")
                .isEqualTo(ledger.leadsCreated());
        for (Tally tally : tallies) {
            softly.assertThat(tally.duplicates()).as("%s duplicated", tally.what()).isZero();
            softly.assertThat(tally.lost()).as("%s lost", tally.what()).isZero();
            softly.assertThat(tally.stored()).as("%s stored", tally.what()).isEqualByComparingTo(tally.accepted());
            softly.assertThat(tally.counted()).as("%s counted", tally.what()).isEqualByComparingTo(tally.accepted());
        }
        softly.assertAll();
    }

    private static Ledger.Summary play(Simulation business) {
        try {
            return business.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }

    /** Lets the simulated business go on for {@code span}; it must still be playing all that time, or the fault would come after the load. */
    private static void loadGoesOn(CompletableFuture<Ledger.Summary> simulation, Duration span) {
        await().alias("the simulation plays on").during(span).atMost(span.plusSeconds(5))
                .until(() -> !simulation.isDone());
    }

    private static void fault(String what) {
        System.out.println("FAULT: " + what);
    }

    /**
     * Stops the consumers (SIGTERM: a group whose consumers run cannot be moved), rewinds every group to
     * the start of its topic, and starts them again: each event already applied arrives once more.
     */
    private static void replayEveryEvent() throws Exception {
        funnel.stop(Service.ANALYTICS);
        funnel.stop(Service.SALES);
        try (ConsumerGroups groups = new ConsumerGroups(funnel.kafkaBootstrapServers())) {
            for (String group : ConsumerGroups.TOPIC_OF_GROUP.keySet()) {
                // the broker takes a moment to see a stopped consumer leave its group
                await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> groups.rewindToStart(group));
            }
            assertThat(groups.lag("sales-service")).as("leads sales will see a second time").isPositive();
            assertThat(groups.lag("analytics-service-pipeline")).as("pipeline events analytics will see again").isPositive();
        }
        funnel.restart(Service.SALES);
        funnel.restart(Service.ANALYTICS);
    }

    /**
     * Waits until nothing is under way: both outboxes empty, then every group caught up. In that order,
     * an event that left an outbox before the first look is on its topic by the second.
     */
    private static void awaitQuiet() {
        try (ConsumerGroups groups = new ConsumerGroups(funnel.kafkaBootstrapServers())) {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                assertThat(count(Service.MARKETING, "SELECT count(*) FROM outbox_event")).as("marketing's outbox").isZero();
                assertThat(count(Service.SALES, "SELECT count(*) FROM outbox_event")).as("sales' outbox").isZero();
                assertThat(groups.lags()).as("consumer lag by group").allSatisfy((group, lag) -> assertThat(lag).isZero());
            });
        }
        try {
            // a consumer commits its offset after it applied the event; the funnel's figures may still be a poll behind
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1))
                    .until(FaultsIT::analyticsAgreesWithSales);
        } catch (ConditionTimeoutException figuresDiffer) {
            // compared, printed and failed on below
        }
    }

    private static boolean analyticsAgreesWithSales() throws Exception {
        JsonNode figures = get("/api/analytics/funnel");
        return figures.path("leads").asLong() == count(Service.SALES, "SELECT count(*) FROM lead")
                && figures.path("won").asLong() == count(Service.SALES, WON);
    }

    /** Leads, won deals and revenue as the ledger, the owning service's tables and analytics' funnel show them. */
    private static List<Tally> tallies(Ledger.Summary ledger) throws Exception {
        JsonNode figures = get("/api/analytics/funnel");
        // analytics counts new leads, referrals included; a form answered 200 (a known email) is a touch, not a lead
        return List.of(
                Tally.of("leads", ledger.leadsCreated(), count(Service.SALES, "SELECT count(*) FROM lead"),
                        figures.path("leads").asLong()),
                Tally.of("won", ledger.won(),
                        count(Service.SALES, WON),
                        figures.path("won").asLong()),
                new Tally("revenue", ledger.revenue(),
                        decimal(Service.SALES, "SELECT coalesce(sum(amount), 0) FROM lead_history WHERE to_stage = 'WON'"),
                        new BigDecimal(figures.path("revenue").asText())));
    }

    private static long count(Service service, String sql) throws SQLException {
        return decimal(service, sql).longValueExact();
    }

    private static BigDecimal decimal(Service service, String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection(funnel.jdbcUrl(service), PostgresServer.USER,
                PostgresServer.PASSWORD);
             Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getBigDecimal(1);
        }
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(funnel.request(funnel.analytics(path), Roles.ANALYST).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
