package dev.funnel.analytics.api;

import static dev.funnel.analytics.FunnelApi.assertFigures;
import static dev.funnel.analytics.FunnelApi.awaitFunnel;
import static dev.funnel.analytics.FunnelApi.funnel;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.analytics.FunnelEvents;
import dev.funnel.analytics.FunnelScenario;
import dev.funnel.testing.FunnelInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every figure of GET /api/analytics/funnel over the joined streams, against hand-computed values. */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class FunnelFiguresTest {

    private static final String DAY = "2024-01-10";
    private static final Map<String, String> WEEK = Map.of("from", DAY, "to", "2024-01-17");
    private static FunnelScenario scenario;

    /** One scenario for the class, in its own week: the tests only read it. */
    private static synchronized FunnelScenario scenario() {
        if (scenario == null) {
            scenario = new FunnelScenario(Instant.parse(DAY + "T00:00:00Z"));
            FunnelEvents.publish(scenario.events());
            awaitFunnel(WEEK, FunnelScenario.TOTAL_FUNNEL);
        }
        return scenario;
    }

    private static Map<String, String> week(String name, Object value) {
        Map<String, String> query = new HashMap<>(WEEK);
        query.put(name, value.toString());
        return query;
    }

    @Test
    void funnelOfTheWholeWindowJoinsAwarenessSpendLeadsAndDeals() {
        scenario();

        assertFigures(funnel(WEEK), FunnelScenario.TOTAL_FUNNEL);
    }

    @Test
    void funnelOfACampaignCountsItsLeadsSpendAndAwarenessOnly() {
        FunnelScenario s = scenario();

        assertFigures(funnel(week("campaignId", s.search)), FunnelScenario.SEARCH_FUNNEL);
        assertFigures(funnel(week("campaignId", s.email)), FunnelScenario.EMAIL_FUNNEL);
    }

    @Test
    void funnelOfAChannelCountsLeadsByTheirChannelAndSpendByTheirCampaigns() {
        scenario();

        assertFigures(funnel(week("channel", "SEARCH")), FunnelScenario.SEARCH_FUNNEL);
        assertFigures(funnel(week("channel", "email")), FunnelScenario.EMAIL_FUNNEL);
        assertFigures(funnel(week("channel", "OTHER")), FunnelScenario.OTHER_FUNNEL);
        assertThat(funnel(week("channel", "PR")).get("leads").asLong()).isZero();
    }

    @Test
    void awarenessCountsInItsHourAndLeadsByTheirCreationToTheSecond() {
        FunnelScenario s = scenario();

        // [09:00, 10:00): search's awareness of 09:00, lead 1 of 09:30; not email's awareness of 10:00 or lead 2
        JsonNode nineOClock = funnel(Map.of("from", s.day.plusSeconds(9 * 3600).toString(),
                "to", s.day.plusSeconds(10 * 3600).toString()));
        assertThat(nineOClock.get("impressions").asLong()).isEqualTo(1500);
        assertThat(nineOClock.get("leads").asLong()).isEqualTo(1);
        assertThat(nineOClock.get("spend").decimalValue()).as("the day's start is outside").isEqualByComparingTo("0");

        // [09:30:00, 09:30:01) holds lead 1 and no whole hour
        JsonNode oneSecond = funnel(Map.of("from", s.day.plusSeconds(9 * 3600 + 1800).toString(),
                "to", s.day.plusSeconds(9 * 3600 + 1801).toString()));
        assertThat(oneSecond.get("leads").asLong()).isEqualTo(1);
        assertThat(oneSecond.get("won").asLong()).isEqualTo(1);
        assertThat(oneSecond.get("revenue").decimalValue()).isEqualByComparingTo("1200");
        assertThat(oneSecond.get("impressions").asLong()).isZero();
    }

    @Test
    void spendCountsOnTheDayItWasSpent() {
        scenario();

        assertThat(funnel(Map.of("from", DAY, "to", "2024-01-11")).get("spend").decimalValue())
                .isEqualByComparingTo("400");
        assertThat(funnel(Map.of("from", "2024-01-11", "to", "2024-01-12")).get("spend").decimalValue())
                .isEqualByComparingTo("200");
    }

    @Test
    void dealsCountWithTheirLeadsCreationNotWhenTheyClosed() {
        scenario();

        // the deals closed days later, but the cohort of day 0 holds them
        JsonNode firstDay = funnel(Map.of("from", DAY, "to", "2024-01-11"));
        assertThat(firstDay.get("won").asLong()).isEqualTo(2);
        assertThat(firstDay.get("revenue").decimalValue()).isEqualByComparingTo("1500");
        JsonNode later = funnel(Map.of("from", "2024-01-11", "to", "2024-01-17"));
        assertThat(later.get("won").asLong()).isZero();
        assertThat(later.get("revenue").decimalValue()).isEqualByComparingTo("0");
        assertThat(later.get("spend").decimalValue()).isEqualByComparingTo("200");
    }

    @Test
    void dateAndInstantBoundsMeanTheSame() {
        scenario();

        assertThat(funnel(WEEK)).isEqualTo(funnel(Map.of("from", DAY + "T00:00:00Z", "to", "2024-01-17T00:00:00Z")));
    }

    @Test
    void fromAfterDefaultToIsA400NamingFrom() {
        given().queryParam("from", "2999-01-01").get("/api/analytics/funnel").then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("errors.field", containsInAnyOrder("from"));
    }
}
