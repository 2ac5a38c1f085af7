package dev.funnel.marketing.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.funnel.testing.FunnelInfrastructure;
import dev.funnel.testing.MetricsScrape;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Marketing's funnel counters and its HTTP metrics, read from /q/metrics as Prometheus reads them. */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "marketing"))
class FunnelMetersTest {

    static MetricsScrape scrape() {
        return MetricsScrape.parse(given().accept(MetricsScrape.PROMETHEUS_TEXT).get("/q/metrics")
                .then().statusCode(200).extract().asString());
    }

    static String lead(String email) {
        return """
                {"email": "%s", "firstName": "Ada", "utm": {"source": "newsletter", "campaign": "no-such-campaign"}}"""
                .formatted(email);
    }

    static String uniqueEmail() {
        return "ada+" + UUID.randomUUID() + "@example.com";
    }

    static UUID capture(String email, int status) {
        return UUID.fromString(given().contentType(ContentType.JSON).body(lead(email)).post("/api/leads")
                .then().statusCode(status).extract().path("id"));
    }

    @Test
    void capturedLeadsAreCountedByOutcomeAndTouchesByChannel() {
        MetricsScrape before = scrape();

        String known = uniqueEmail();
        capture(known, 201);
        capture(uniqueEmail(), 201);
        capture(known, 200);
        given().contentType(ContentType.JSON).body("{\"email\": \"not-an-email\", \"utm\": {\"campaign\": \"x\"}}")
                .post("/api/leads").then().statusCode(422);
        given().contentType(ContentType.JSON).body("{\"email\": ").post("/api/leads").then().statusCode(400);
        given().contentType(ContentType.JSON)
                .body("[" + lead(uniqueEmail()) + ", {\"firstName\": \"no email\"}, " + lead(known) + "]")
                .post("/api/leads/batch").then().statusCode(200);

        MetricsScrape after = scrape();
        assertThat(after.type("funnel_leads_captured_total")).isEqualTo("counter");
        assertThat(increase(before, after, "funnel_leads_captured_total", "outcome", "created")).isEqualTo(3);
        assertThat(increase(before, after, "funnel_leads_captured_total", "outcome", "duplicate")).isEqualTo(2);
        assertThat(increase(before, after, "funnel_leads_captured_total", "outcome", "rejected")).isEqualTo(3);
        assertThat(increase(before, after, "funnel_lead_touches_total", "channel", "OTHER")).isEqualTo(5);
        assertThat(increase(before, after, "funnel_lead_touches_total", "channel", "SEARCH")).isZero();
        assertThat(after.samples("funnel_lead_touches_total")).as("a series per channel from the start").hasSize(11);
    }

    @Test
    void anErasureIsCountedOnceWhateverTheRepeats() {
        UUID lead = capture(uniqueEmail(), 201);
        MetricsScrape before = scrape();

        given().delete("/api/leads/{id}", lead).then().statusCode(204);
        given().delete("/api/leads/{id}", lead).then().statusCode(204);
        given().delete("/api/leads/{id}", UUID.randomUUID()).then().statusCode(404);

        assertThat(increase(before, scrape(), "funnel_leads_erased_total")).isEqualTo(1);
    }

    @Test
    void awarenessAndSpendAreCountedAsRecorded() {
        UUID campaign = UUID.fromString(given().contentType(ContentType.JSON).body("""
                        {"name": "Search %s", "channel": "SEARCH", "budget": 5000, "currency": "USD",
                         "startsOn": "2026-03-01"}""".formatted(UUID.randomUUID()))
                .post("/api/campaigns").then().statusCode(201).extract().path("id"));
        String hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(2)).toString();
        MetricsScrape before = scrape();

        given().contentType(ContentType.JSON).body("""
                        [{"campaignId": "%1$s", "kind": "IMPRESSION", "count": 1000, "occurredAt": "%2$s"},
                         {"campaignId": "%1$s", "kind": "CLICK", "count": 40, "occurredAt": "%2$s"},
                         {"campaignId": "%1$s", "kind": "VISIT", "count": 12, "occurredAt": "%2$s"}]"""
                        .formatted(campaign, hour))
                .post("/api/awareness").then().statusCode(202);
        given().contentType(ContentType.JSON).body("{\"amount\": 349.50, \"currency\": \"USD\", \"spentOn\": \"2026-03-02\"}")
                .post("/api/campaigns/{id}/spend", campaign).then().statusCode(201);

        MetricsScrape after = scrape();
        assertThat(increase(before, after, "funnel_awareness_total", "kind", "impression")).isEqualTo(1000);
        assertThat(increase(before, after, "funnel_awareness_total", "kind", "click")).isEqualTo(40);
        assertThat(increase(before, after, "funnel_awareness_total", "kind", "visit")).isEqualTo(12);
        // a double counter: the spend other tests recorded before leaves a rounding error in the difference
        assertThat(increase(before, after, "funnel_spend_recorded_total", "currency", "USD"))
                .isCloseTo(349.5, within(1e-6));
    }

    @Test
    void requestsAreCountedByRouteTemplate() {
        UUID lead = capture(uniqueEmail(), 201);
        MetricsScrape before = scrape();

        capture(uniqueEmail(), 201);
        capture(uniqueEmail(), 201);
        given().get("/api/leads/{id}", lead).then().statusCode(200);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            MetricsScrape after = scrape();
            assertThat(increase(before, after, "http_server_requests_seconds_count",
                    "method", "POST", "uri", "/api/leads", "status", "201")).isEqualTo(2);
            assertThat(increase(before, after, "http_server_requests_seconds_count",
                    "method", "GET", "uri", "/api/leads/{id}", "status", "200")).isEqualTo(1);
            assertThat(after.has("http_server_requests_seconds_bucket", "uri", "/api/leads/{id}", "le", "+Inf"))
                    .as("a histogram, so the dashboard can take a p99 over instances").isTrue();
        });
    }

    static double increase(MetricsScrape before, MetricsScrape after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
