package dev.funnel.analytics.api;

import static dev.funnel.analytics.FunnelApi.assertFigures;
import static dev.funnel.analytics.FunnelApi.awaitFunnel;
import static dev.funnel.analytics.FunnelApi.get;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.analytics.FunnelApi;
import dev.funnel.analytics.FunnelEvents;
import dev.funnel.analytics.FunnelScenario;
import dev.funnel.contracts.Channel;
import dev.funnel.testing.FunnelInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** GET /api/analytics/campaigns and /channels: a funnel row per campaign and per channel. */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class CampaignsAndChannelsTest {

    private static final String DAY = "2024-02-07";
    private static final Map<String, String> WEEK = Map.of("from", DAY, "to", "2024-02-14");
    private static FunnelScenario scenario;

    private static synchronized FunnelScenario scenario() {
        if (scenario == null) {
            scenario = new FunnelScenario(Instant.parse(DAY + "T00:00:00Z"));
            FunnelEvents.publish(scenario.events());
            awaitFunnel(WEEK, FunnelScenario.TOTAL_FUNNEL);
        }
        return scenario;
    }

    private static JsonNode row(JsonNode rows, String field, String value) {
        return StreamSupport.stream(rows.spliterator(), false)
                .filter(row -> row.get(field).asText().equals(value))
                .findFirst().orElseThrow(() -> new AssertionError("no row with " + field + " " + value + " in " + rows));
    }

    private static List<String> fields(JsonNode row) {
        List<String> names = new ArrayList<>();
        row.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void campaignRowCarriesTheCampaignAndEveryFieldOfItsFunnel() {
        FunnelScenario s = scenario();
        JsonNode rows = get("/api/analytics/campaigns", WEEK);

        JsonNode search = row(rows, "campaignId", s.search.toString());
        assertThat(search.get("name").asText()).isEqualTo(FunnelScenario.SEARCH_NAME);
        assertThat(search.get("channel").asText()).isEqualTo("SEARCH");
        assertThat(search.get("budget").decimalValue()).isEqualByComparingTo("5000");
        assertFigures(search, FunnelScenario.SEARCH_FUNNEL);
        assertThat(fields(search)).containsExactly("campaignId", "name", "channel", "budget", "impressions", "clicks",
                "visits", "leads", "qualified", "contacted", "proposals", "negotiations", "won", "lost", "revenue",
                "spend", "ctr", "visitToLead", "leadToQualified", "qualifiedToWon", "winRate", "avgDealSize",
                "avgSalesCycleDays", "costPerLead", "cac", "roas", "roi");

        JsonNode email = row(rows, "campaignId", s.email.toString());
        assertThat(email.get("name").asText()).isEqualTo(FunnelScenario.EMAIL_NAME);
        assertFigures(email, FunnelScenario.EMAIL_FUNNEL);
    }

    @Test
    void campaignOutsideTheWindowIsListedWithZeroFigures() {
        FunnelScenario s = scenario();

        JsonNode search = row(get("/api/analytics/campaigns", Map.of("from", "2024-03-01", "to", "2024-03-02")),
                "campaignId", s.search.toString());

        assertThat(search.get("leads").asLong()).isZero();
        assertThat(search.get("spend").decimalValue()).isEqualByComparingTo("0");
        assertThat(search.get("ctr").isNull()).isTrue();
    }

    @Test
    void campaignWhoseLaunchIsNotKnownYetIsListedWithoutName() {
        UUID unknown = UUID.randomUUID();
        Instant day = Instant.parse("2024-02-20T00:00:00Z");
        FunnelEvents.publish(FunnelEvents.generated(UUID.randomUUID(), unknown, Channel.DISPLAY, day));
        Map<String, String> window = Map.of("from", "2024-02-20", "to", "2024-02-21");
        FunnelApi.awaitLeads(Map.of("from", "2024-02-20", "to", "2024-02-21", "campaignId", unknown.toString()), 1);

        JsonNode row = row(get("/api/analytics/campaigns", window), "campaignId", unknown.toString());

        assertThat(row.get("name").isNull()).isTrue();
        assertThat(row.get("leads").asLong()).isEqualTo(1);
    }

    @Test
    void channelsHaveOneRowEachWithTheirFunnel() {
        scenario();
        JsonNode rows = get("/api/analytics/channels", WEEK);

        assertThat(StreamSupport.stream(rows.spliterator(), false).map(r -> r.get("channel").asText()).toList())
                .containsExactlyElementsOf(Arrays.stream(Channel.values()).map(Channel::name).toList());
        assertFigures(row(rows, "channel", "SEARCH"), FunnelScenario.SEARCH_FUNNEL);
        assertFigures(row(rows, "channel", "EMAIL"), FunnelScenario.EMAIL_FUNNEL);
        assertFigures(row(rows, "channel", "OTHER"), FunnelScenario.OTHER_FUNNEL);
        JsonNode pr = row(rows, "channel", "PR");
        assertThat(pr.get("leads").asLong()).isZero();
        assertThat(pr.get("winRate").isNull()).isTrue();
        assertThat(fields(pr)).hasSize(24);
    }

    @Test
    void badWindowIsA400NamingTheParameter() {
        given().queryParam("from", "2024-02-14").queryParam("to", "2024-02-07").get("/api/analytics/channels").then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", containsInAnyOrder("to"));
        given().queryParam("from", "last week").get("/api/analytics/campaigns").then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", containsInAnyOrder("from"));
    }
}
