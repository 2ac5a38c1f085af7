package dev.funnel.analytics.api;

import static dev.funnel.analytics.FunnelApi.awaitLeads;
import static dev.funnel.analytics.FunnelApi.leads;
import static dev.funnel.analytics.MarketingLeads.generated;
import static dev.funnel.analytics.MarketingLeads.generatedRecord;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.funnel.analytics.MarketingLeads;
import dev.funnel.contracts.Channel;
import dev.funnel.testing.FunnelInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class FunnelResourceTest {

    private static final Instant JAN_1 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant JAN_2 = Instant.parse("2025-01-02T00:00:00Z");
    private static final Instant JAN_3 = Instant.parse("2025-01-03T00:00:00Z");

    @Test
    void funnelCountsTheLeadsOfACampaignAndLeavesWhatIsNotMeasuredAtZeroOrNull() {
        UUID campaign = UUID.randomUUID();
        MarketingLeads.send(
                generatedRecord(generated(UUID.randomUUID(), campaign, Channel.SEARCH, JAN_1)),
                generatedRecord(generated(UUID.randomUUID(), campaign, Channel.SEARCH, JAN_2)),
                generatedRecord(generated(UUID.randomUUID(), campaign, Channel.SEARCH, JAN_3)));

        awaitLeads(Map.of("campaignId", campaign), 3);

        given().queryParam("campaignId", campaign).get("/api/analytics/funnel").then()
                .statusCode(200)
                .body("leads", equalTo(3))
                .body("impressions", equalTo(0))
                .body("qualified", equalTo(0))
                .body("won", equalTo(0))
                .body("revenue", equalTo(0.0f))
                .body("spend", equalTo(0.0f))
                .body("leadToQualified", equalTo(0.0f))   // 0 qualified of 3 leads
                .body("visitToLead", nullValue())         // no visits measured
                .body("winRate", nullValue())
                .body("roi", nullValue());
    }

    @Test
    void funnelHasEveryFieldOfTheApiInItsOrder() {
        @SuppressWarnings("unchecked")
        Map<String, Object> funnel = given().get("/api/analytics/funnel").then()
                .statusCode(200)
                .extract().as(LinkedHashMap.class);

        assertThat(funnel.keySet()).containsExactly("impressions", "clicks", "visits", "leads", "qualified",
                "contacted", "proposals", "negotiations", "won", "lost", "revenue", "spend", "ctr", "visitToLead",
                "leadToQualified", "qualifiedToWon", "winRate", "avgDealSize", "avgSalesCycleDays", "costPerLead",
                "cac", "roas", "roi");
    }

    @Test
    void windowIsHalfOpenOnLeadCreationTime() {
        UUID campaign = UUID.randomUUID();
        MarketingLeads.send(
                generatedRecord(generated(UUID.randomUUID(), campaign, Channel.EMAIL, JAN_1)),
                generatedRecord(generated(UUID.randomUUID(), campaign, Channel.EMAIL, JAN_2)),
                generatedRecord(generated(UUID.randomUUID(), campaign, Channel.EMAIL, JAN_3)));
        awaitLeads(Map.of("campaignId", campaign), 3);

        assertThat(leads(Map.of("campaignId", campaign, "from", JAN_2.toString(), "to", JAN_3.toString())))
                .as("from is in the window, to is not").isEqualTo(1);
        assertThat(leads(Map.of("campaignId", campaign, "from", JAN_2.toString()))).isEqualTo(2);
        assertThat(leads(Map.of("campaignId", campaign, "to", JAN_2.toString()))).isEqualTo(1);
        assertThat(leads(Map.of("campaignId", campaign, "from", JAN_1.toString(), "to", JAN_1.plusSeconds(1).toString())))
                .isEqualTo(1);
        assertThat(leads(Map.of("campaignId", campaign, "from", JAN_3.plusNanos(1_000).toString()))).isZero();
        assertThat(leads(Map.of("campaignId", campaign, "from", "", "to", "")))
                .as("blank means unbounded").isEqualTo(3);
    }

    @Test
    void channelFilterCountsOnlyLeadsOfThatChannel() {
        UUID campaign = UUID.randomUUID();
        MarketingLeads.send(
                generatedRecord(generated(UUID.randomUUID(), campaign, Channel.SOCIAL, JAN_1)),
                generatedRecord(generated(UUID.randomUUID(), campaign, Channel.SOCIAL, JAN_1)),
                generatedRecord(generated(UUID.randomUUID(), campaign, Channel.REFERRAL, JAN_1)));
        awaitLeads(Map.of("campaignId", campaign), 3);

        assertThat(leads(Map.of("campaignId", campaign, "channel", "SOCIAL"))).isEqualTo(2);
        assertThat(leads(Map.of("campaignId", campaign, "channel", "REFERRAL"))).isEqualTo(1);
        assertThat(leads(Map.of("campaignId", campaign, "channel", "PR"))).isZero();
    }

    @Test
    void fromNotBeforeToIsA400NamingTo() {
        for (Instant to : List.of(JAN_2, JAN_1)) {
            given().queryParam("from", JAN_2.toString()).queryParam("to", to.toString())
                    .get("/api/analytics/funnel").then()
                    .statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("status", equalTo(400))
                    .body("errors.field", containsInAnyOrder("to"));
        }
    }

    @Test
    void malformedParametersAreA400NamingEachOfThem() {
        given().queryParam("from", "yesterday")
                .queryParam("to", "2030-13-01T00:00:00Z")
                .queryParam("campaignId", "spring-launch")
                .queryParam("channel", "TELEPATHY")
                .get("/api/analytics/funnel").then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", containsInAnyOrder("from", "to", "campaignId", "channel"));
    }

    @Test
    void unknownPathIsA404Problem() {
        given().get("/api/analytics/nothing-here").then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }
}
