package dev.funnel.analytics.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.funnel.analytics.MarketingLeads;
import dev.funnel.contracts.Channel;
import dev.funnel.contracts.lead.LeadGenerated;
import dev.funnel.testing.DashboardMetrics;
import dev.funnel.testing.FunnelInfrastructure;
import dev.funnel.testing.MetricsScrape;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** /q/metrics as a whole: everything the dashboard asks of analytics, and nothing personal in a label. */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class PrometheusEndpointTest {

    /** The per-partition consumer lag appears at the Kafka binder's first refresh, up to 60 s after start-up. */
    @Test
    void exportsEveryMetricTheDashboardQueriesOfAnalytics() {
        given().get("/api/analytics/funnel").then().statusCode(200);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(EventMetersTest.scrape().names()).containsAll(DashboardMetrics.exportedBy("analytics-service")));
    }

    @Test
    void noMetricLabelHoldsAnEmailOrALeadId() {
        LeadGenerated lead = MarketingLeads.generated(UUID.randomUUID(), UUID.randomUUID(), Channel.EMAIL,
                Instant.parse("2025-03-01T09:00:00Z"));
        MarketingLeads.send(MarketingLeads.generatedRecord(lead));
        given().get("/api/analytics/funnel?campaignId=" + lead.email()).then().statusCode(400);
        given().get("/api/analytics/rebuild/{id}", lead.email()).then().statusCode(400);
        given().get("/no/such/route/" + lead.email()).then().statusCode(404);
        given().get("/api/analytics/funnel?campaignId=" + lead.campaignId()).then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            MetricsScrape scrape = EventMetersTest.scrape();
            assertThat(scrape.has("http_server_requests_seconds_count", "uri", "/api/analytics/funnel", "status", "200"))
                    .isTrue();
            assertThat(scrape.sum("funnel_events_consumed_total", "outcome", "applied")).isPositive();
            assertThat(scrape.samples()).allSatisfy(sample -> assertThat(sample.labels().values())
                    .as("labels of %s", sample.name())
                    .noneMatch(value -> value.contains("@") || value.contains(lead.leadId().toString())));
        });
    }
}
