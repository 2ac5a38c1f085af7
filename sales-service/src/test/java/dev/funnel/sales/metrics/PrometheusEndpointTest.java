package dev.funnel.sales.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.funnel.contracts.lead.LeadGenerated;
import dev.funnel.contracts.pipeline.PipelineStage;
import dev.funnel.sales.TestLeads;
import dev.funnel.testing.DashboardMetrics;
import dev.funnel.testing.EventProducer;
import dev.funnel.testing.FunnelInfrastructure;
import dev.funnel.testing.MetricsScrape;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /q/metrics as a whole: everything the dashboard asks of sales, and nothing personal in a label. */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "sales"))
class PrometheusEndpointTest {

    private static EventProducer events;

    @BeforeAll
    static void connect() {
        events = new EventProducer(FunnelInfrastructure.bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    /** The per-partition consumer lag appears at the Kafka binder's first refresh, up to 60 s after start-up. */
    @Test
    void exportsEveryMetricTheDashboardQueriesOfSales() {
        TestLeads.bringIn(events, TestLeads.promising(UUID.randomUUID()), PipelineStage.QUALIFIED);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(FunnelMetersTest.scrape().names()).containsAll(DashboardMetrics.exportedBy("sales-service")));
    }

    @Test
    void noMetricLabelHoldsAnEmailOrALeadId() {
        LeadGenerated lead = TestLeads.promising(UUID.randomUUID());
        TestLeads.bringIn(events, lead, PipelineStage.QUALIFIED);
        TestLeads.move(lead.leadId(), Map.of("to", "CONTACTED", "by", lead.email())).statusCode(200);
        given().get("/api/leads/{id}", lead.email()).then().statusCode(404);
        given().get("/api/leads?owner=" + lead.email()).then().statusCode(400);
        given().get("/no/such/route/" + lead.email()).then().statusCode(404);
        given().get("/api/leads/{id}", lead.leadId()).then().statusCode(200);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            MetricsScrape scrape = FunnelMetersTest.scrape();
            assertThat(scrape.has("http_server_requests_seconds_count", "method", "GET", "uri", "/api/leads/{id}",
                    "status", "200")).isTrue();
            assertThat(scrape.has("http_server_requests_seconds_count", "method", "POST",
                    "uri", "/api/leads/{id}/transitions")).isTrue();
            assertThat(scrape.samples()).allSatisfy(sample -> assertThat(sample.labels().values())
                    .as("labels of %s", sample.name())
                    .noneMatch(value -> value.contains("@") || value.contains(lead.leadId().toString())));
        });
    }
}
