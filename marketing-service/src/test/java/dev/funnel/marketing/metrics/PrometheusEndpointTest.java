package dev.funnel.marketing.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;

import dev.funnel.testing.DashboardMetrics;
import dev.funnel.testing.FunnelInfrastructure;
import dev.funnel.testing.MetricsScrape;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** /q/metrics as a whole: Prometheus text, everything the dashboard asks of this service, nothing personal. */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "marketing"))
class PrometheusEndpointTest {

    @Test
    void exportsEveryMetricTheDashboardQueriesOfMarketing() {
        FunnelMetersTest.capture(FunnelMetersTest.uniqueEmail(), 201); // HTTP and producer metrics exist once used

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(FunnelMetersTest.scrape().names())
                        .containsAll(DashboardMetrics.exportedBy("marketing-service")));
    }

    @Test
    void answersInThePrometheusTextFormatWhenAskedAndInOpenMetricsToAnyClient() {
        given().accept(MetricsScrape.PROMETHEUS_TEXT).get("/q/metrics").then()
                .statusCode(200).contentType(startsWith("text/plain"));
        String openMetrics = given().accept("*/*").get("/q/metrics").then()
                .statusCode(200).contentType(startsWith("application/openmetrics-text")).extract().asString();
        assertThat(openMetrics.strip()).endsWith("# EOF");
        assertThat(MetricsScrape.parse(openMetrics).type("funnel_leads_captured_total")).isEqualTo("counter");
        MetricsScrape scrape = FunnelMetersTest.scrape();

        assertThat(scrape.type("jvm_memory_used_bytes")).isEqualTo("gauge");
        assertThat(scrape.type("process_cpu_usage")).isEqualTo("gauge");
        assertThat(scrape.names()).as("the datasource pool").contains("agroal_active_count");
    }

    @Test
    void noMetricLabelHoldsAnEmailOrALeadId() {
        String email = FunnelMetersTest.uniqueEmail();
        UUID lead = FunnelMetersTest.capture(email, 201);
        given().get("/api/leads/{id}", lead).then().statusCode(200);
        given().get("/api/leads/{id}", email).then().statusCode(404);
        given().get("/api/leads/{id}", UUID.randomUUID()).then().statusCode(404);
        given().get("/no/such/route/" + email).then().statusCode(404);
        given().delete("/api/leads/{id}", lead).then().statusCode(204);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            MetricsScrape scrape = FunnelMetersTest.scrape();
            assertThat(scrape.has("http_server_requests_seconds_count", "method", "DELETE", "uri", "/api/leads/{id}"))
                    .as("the last request is counted, so every one before it is").isTrue();
            assertThat(scrape.samples()).allSatisfy(sample -> assertThat(sample.labels().values())
                    .as("labels of %s", sample.name())
                    .noneMatch(value -> value.contains("@") || value.contains(lead.toString())));
        });
    }
}
