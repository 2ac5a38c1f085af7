package dev.funnel.analytics.api;

import static dev.funnel.analytics.FunnelApi.awaitFunnel;
import static dev.funnel.analytics.FunnelApi.awaitLeads;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /api/analytics/timeseries: one funnel field per UTC day, week or month. */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class TimeseriesTest {

    /** A Wednesday. */
    private static final String DAY = "2024-03-06";
    private static FunnelScenario scenario;

    private static synchronized void scenario() {
        if (scenario == null) {
            scenario = new FunnelScenario(Instant.parse(DAY + "T00:00:00Z"));
            FunnelEvents.publish(scenario.events());
            awaitFunnel(Map.of("from", DAY, "to", "2024-03-13"), FunnelScenario.TOTAL_FUNNEL);
        }
    }

    /** The series as "start=value" pairs. */
    private static List<String> series(String metric, String interval, String from, String to) {
        JsonNode buckets = get("/api/analytics/timeseries",
                Map.of("metric", metric, "interval", interval, "from", from, "to", to));
        List<String> pairs = new ArrayList<>();
        buckets.forEach(bucket -> {
            assertThat(bucket.size()).as("a bucket is {start, value}").isEqualTo(2);
            JsonNode value = bucket.get("value");
            pairs.add(bucket.get("start").asText() + "=" + (value.isNull() ? "null" : value.decimalValue().stripTrailingZeros().toPlainString()));
        });
        return pairs;
    }

    @Test
    void dailySeriesHasEveryDayOfTheWindowEmptyOnesToo() {
        scenario();

        assertThat(series("leads", "day", DAY, "2024-03-09")).containsExactly(
                "2024-03-06T00:00:00Z=5", "2024-03-07T00:00:00Z=0", "2024-03-08T00:00:00Z=0");
        assertThat(series("spend", "day", DAY, "2024-03-09")).containsExactly(
                "2024-03-06T00:00:00Z=400", "2024-03-07T00:00:00Z=200", "2024-03-08T00:00:00Z=0");
    }

    @Test
    void ratiosPerBucketAreNullWhereTheBucketHasNoDenominator() {
        scenario();

        // 83 clicks of 1900 impressions on the first day, no impressions on the second
        assertThat(series("ctr", "day", DAY, "2024-03-08")).containsExactly(
                "2024-03-06T00:00:00Z=0.0437", "2024-03-07T00:00:00Z=null");
        // deals count with their lead's creation day
        assertThat(series("revenue", "day", DAY, "2024-03-08")).containsExactly(
                "2024-03-06T00:00:00Z=1500", "2024-03-07T00:00:00Z=0");
    }

    @Test
    void weeksStartOnMondayAndMonthsOnTheFirst() {
        scenario();

        assertThat(series("spend", "week", DAY, "2024-03-13")).containsExactly(
                "2024-03-04T00:00:00Z=600", "2024-03-11T00:00:00Z=0");
        assertThat(series("won", "month", "2024-03-01", "2024-04-01")).containsExactly("2024-03-01T00:00:00Z=2");
    }

    @Test
    void partialBucketCountsOnlyTheWindowsPartOfIt() {
        scenario();

        // from 10:00 on the first day: lead 1 (09:30) and search's awareness of 09:00 are outside
        assertThat(series("leads", "day", DAY + "T10:00:00Z", "2024-03-07")).containsExactly("2024-03-06T00:00:00Z=4");
        assertThat(series("impressions", "week", DAY + "T10:00:00Z", "2024-03-07")).containsExactly("2024-03-04T00:00:00Z=400");
    }

    @Test
    void unknownMetricOrIntervalIsA400NamingIt() {
        given().queryParam("metric", "conversions").queryParam("interval", "fortnight")
                .get("/api/analytics/timeseries").then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", containsInAnyOrder("metric", "interval"));
        given().get("/api/analytics/timeseries").then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("metric"));
    }

    @Test
    void seriesStartsAtTheFirstFiguresAndRefusesTooManyBuckets() {
        UUID campaign = UUID.randomUUID();
        FunnelEvents.publish(FunnelEvents.generated(UUID.randomUUID(), campaign, Channel.BROADCAST,
                Instant.parse("1990-01-01T12:00:00Z")));
        awaitLeads(Map.of("campaignId", campaign.toString()), 1);

        // an unbounded start begins at the first figures, not at the epoch: 1990-01-01 was a Monday
        assertThat(series("leads", "week", "", "1990-01-15")).containsExactly(
                "1990-01-01T00:00:00Z=1", "1990-01-08T00:00:00Z=0");
        // 34 years of days are too many buckets, of weeks they are not
        given().queryParam("metric", "leads").queryParam("interval", "day").queryParam("to", "2024-01-01")
                .get("/api/analytics/timeseries").then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", containsInAnyOrder("interval"));
        assertThat(get("/api/analytics/timeseries", Map.of("metric", "leads", "interval", "week", "to", "2024-01-01")))
                .hasSize(1_774);
    }
}
