package dev.funnel.system.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.contracts.access.Roles;
import dev.funnel.simulator.Ledger;
import dev.funnel.simulator.PlanSettings;
import dev.funnel.simulator.client.BearerToken;
import dev.funnel.simulator.play.Simulation;
import dev.funnel.system.RunningFunnel;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Forty seconds of simulated business (80 business days), and up to twenty more for the sales team to
 * close open deals, played through the three services' public APIs on a funnel of its own; analytics must then show exactly what the simulator's ledger
 * says the services confirmed. The base the fault test builds on: the same comparison, with outages.
 */
class SimulatedBusinessIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PLAYED = Duration.ofSeconds(40);
    /** Sales may lag marketing by many seconds on a busy machine: its reps get time to close what is open. */
    private static final Duration WIND_DOWN = Duration.ofSeconds(20);
    private static final double DAYS_PER_MINUTE = 120;

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
    void analyticsShowsExactlyWhatTheSimulatorsLedgerRecordsAsConfirmed() throws Exception {
        PlanSettings plan = new PlanSettings(2026, Simulation.daysFor(PLAYED, DAYS_PER_MINUTE), 6, 6, 4);
        // the simulator's token carries the roles it names, as ./funnel demo mints it
        BearerToken token = new BearerToken(funnel.token(Simulation.ROLES.toArray(String[]::new)));
        Simulation.Options options = new Simulation.Options(funnel.marketing("/"), funnel.sales("/"),
                funnel.analytics("/"), token, plan, PLAYED, WIND_DOWN, DAYS_PER_MINUTE, "USD", Simulation.tagForNow(), 32,
                Duration.ofSeconds(60), Duration.ofSeconds(15), Duration.ofSeconds(5), System.out);

        Ledger.Summary ledger = new Simulation(options).run();

        // a business worth comparing: every kind of thing the funnel counts happened
        assertThat(ledger.campaignsLaunched()).isEqualTo(6);
        assertThat(ledger.spendRecords()).isGreaterThan(80);
        assertThat(ledger.leadsCreated()).isGreaterThan(200);
        assertThat(ledger.leadsDuplicate()).as("people coming back").isPositive();
        assertThat(ledger.qualified()).isPositive();
        assertThat(ledger.won()).isPositive();
        assertThat(ledger.lost()).isPositive();
        assertThat(ledger.gaveUp()).as("given up: %s", ledger.problems()).isZero();
        assertThat(ledger.rejected()).as("rejected: %s", ledger.problems()).isZero();
        assertThat(ledger.denied()).as("denied for the token: %s", ledger.problems()).isZero();

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode figures = get(funnel.analytics("/api/analytics/funnel"));
            SoftAssertions softly = new SoftAssertions();
            softly.assertThat(figures.path("leads").asLong()).as("leads").isEqualTo(ledger.leadsCreated());
            softly.assertThat(figures.path("won").asLong()).as("won").isEqualTo(ledger.won());
            softly.assertThat(decimal(figures, "revenue")).as("revenue").isEqualByComparingTo(ledger.revenue());
            softly.assertThat(figures.path("lost").asLong()).as("lost").isEqualTo(ledger.lost());
            softly.assertThat(figures.path("contacted").asLong()).as("contacted").isEqualTo(ledger.contacted());
            softly.assertThat(figures.path("proposals").asLong()).as("proposals").isEqualTo(ledger.proposals());
            softly.assertThat(figures.path("negotiations").asLong()).as("negotiations").isEqualTo(ledger.negotiations());
            softly.assertThat(figures.path("impressions").asLong()).as("impressions").isEqualTo(ledger.impressions());
            softly.assertThat(figures.path("clicks").asLong()).as("clicks").isEqualTo(ledger.clicks());
            softly.assertThat(figures.path("visits").asLong()).as("visits").isEqualTo(ledger.visits());
            softly.assertThat(decimal(figures, "spend")).as("spend").isEqualByComparingTo(ledger.spend());
            // sales qualifies by its own rules, some leads and not others; the simulator saw part of it
            softly.assertThat(figures.path("qualified").asLong()).as("qualified")
                    .isGreaterThanOrEqualTo(ledger.qualified()).isLessThan(ledger.leadsCreated());
            softly.assertAll();
        });
    }

    private static BigDecimal decimal(JsonNode figures, String field) {
        return new BigDecimal(figures.path(field).asText());
    }

    private static JsonNode get(URI uri) throws Exception {
        HttpResponse<String> response = HTTP.send(funnel.request(uri, Roles.ANALYST).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", uri, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
