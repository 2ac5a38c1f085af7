package dev.funnel.analytics.api;

import static dev.funnel.analytics.FunnelApi.awaitFunnel;
import static dev.funnel.analytics.FunnelApi.get;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.analytics.FunnelEvents;
import dev.funnel.analytics.FunnelScenario;
import dev.funnel.contracts.Channel;
import dev.funnel.testing.FunnelInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * GET /api/analytics/attribution over the scenario plus one lead without a campaign won for 100: lead 1
 * (1200) came through "Search spring" and engaged through "Email spring", lead 4 (300) came through "Email
 * spring" alone.
 */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class AttributionResourceTest {

    private static final String DAY = "2024-04-10";
    private static final Map<String, String> WEEK = Map.of("from", DAY, "to", "2024-04-17");
    private static FunnelScenario scenario;

    private static synchronized FunnelScenario scenario() {
        if (scenario == null) {
            FunnelScenario s = new FunnelScenario(Instant.parse(DAY + "T00:00:00Z"));
            List<FunnelEvents.Event> events = new ArrayList<>(s.events());
            UUID walkIn = UUID.randomUUID();
            events.add(FunnelEvents.generated(walkIn, null, Channel.OTHER, s.day.plus(Duration.ofHours(14))));
            events.add(FunnelEvents.won(walkIn, "100", s.day.plus(Duration.ofDays(3))));
            scenario = s;
            FunnelEvents.publish(events);
            // the last deal of each lead has arrived once all three count
            awaitFunnel(WEEK, Map.of("leads", "6", "won", "3", "revenue", "1600", "negotiations", "2", "lost", "1"));
        }
        return scenario;
    }

    private static JsonNode attribution(String model) {
        Map<String, String> query = new HashMap<>(WEEK);
        query.put("model", model);
        return get("/api/analytics/attribution", query);
    }

    /** The credits as "campaign name: won / revenue", unattributed as "none". */
    private static List<String> credits(JsonNode answer) {
        List<String> credits = new ArrayList<>();
        answer.get("campaigns").forEach(c -> credits.add((c.get("campaignId").isNull() ? "none" : c.get("name").asText())
                + ": " + plain(c.get("won")) + " / " + plain(c.get("revenue"))));
        return credits;
    }

    private static String plain(JsonNode number) {
        return number.decimalValue().stripTrailingZeros().toPlainString();
    }

    private static void assertTotals(JsonNode answer) {
        assertThat(answer.get("totalRevenue").decimalValue()).isEqualByComparingTo("1600");
        assertThat(answer.get("totalWon").asLong()).isEqualTo(3);
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal won = BigDecimal.ZERO;
        for (JsonNode campaign : answer.get("campaigns")) {
            revenue = revenue.add(campaign.get("revenue").decimalValue());
            won = won.add(campaign.get("won").decimalValue());
        }
        assertThat(revenue).as("credits sum to the total revenue").isEqualByComparingTo("1600");
        assertThat(won).as("credits sum to the deals won").isEqualByComparingTo("3");
    }

    @Test
    void firstTouchCreditsTheCampaignEachLeadCameFrom() {
        FunnelScenario s = scenario();
        JsonNode answer = attribution("first-touch");

        assertThat(answer.get("model").asText()).isEqualTo("first-touch");
        assertThat(answer.get("from").asText()).isEqualTo(DAY + "T00:00:00Z");
        assertThat(answer.get("to").asText()).isEqualTo("2024-04-17T00:00:00Z");
        assertThat(credits(answer)).containsExactly("Search spring: 1 / 1200", "Email spring: 1 / 300", "none: 1 / 100");
        JsonNode search = answer.get("campaigns").get(0);
        assertThat(search.get("campaignId").asText()).isEqualTo(s.search.toString());
        assertThat(search.get("channel").asText()).isEqualTo("SEARCH");
        assertTotals(answer);
    }

    @Test
    void lastTouchCreditsTheLatestEngagement() {
        scenario();
        JsonNode answer = attribution("last-touch");

        assertThat(credits(answer)).containsExactly("Email spring: 2 / 1500", "none: 1 / 100");
        assertTotals(answer);
    }

    @Test
    void linearSplitsEachDealEquallyAmongItsTouches() {
        scenario();
        JsonNode answer = attribution("linear");

        // lead 1: 600 each to search and email; lead 4: 300 to email
        assertThat(credits(answer)).containsExactly("Email spring: 1.5 / 900", "Search spring: 0.5 / 600", "none: 1 / 100");
        assertTotals(answer);
    }

    @Test
    void windowWithoutWonLeadsCreditsNobody() {
        JsonNode answer = get("/api/analytics/attribution", Map.of("model", "linear", "from", "1999-01-01", "to", "1999-02-01"));

        assertThat(answer.get("campaigns")).isEmpty();
        assertThat(answer.get("totalRevenue").decimalValue()).isEqualByComparingTo("0");
        assertThat(answer.get("totalWon").asLong()).isZero();
    }

    @Test
    void unknownOrMissingModelIsA400NamingIt() {
        given().queryParam("model", "u-shaped").get("/api/analytics/attribution").then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", containsInAnyOrder("model"));
        given().queryParam("from", "soon").get("/api/analytics/attribution").then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("model", "from"));
    }
}
