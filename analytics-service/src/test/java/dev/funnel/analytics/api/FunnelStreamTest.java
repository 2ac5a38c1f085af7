package dev.funnel.analytics.api;

import static dev.funnel.analytics.FunnelEvents.generated;
import static dev.funnel.analytics.FunnelEvents.launched;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.analytics.FunnelEvents;
import dev.funnel.contracts.Channel;
import dev.funnel.testing.FunnelInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class FunnelStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/analytics/stream")
    URI stream;

    @Test
    void theStreamSendsTheFunnelAtOnceAndAgainWhenALeadArrives() throws Exception {
        UUID campaign = UUID.randomUUID();
        Instant at = Instant.parse("2026-05-04T09:00:00Z");
        FunnelEvents.publish(launched(campaign, "Stream " + campaign, Channel.EMAIL, "100", at));
        List<JsonNode> pushed = new CopyOnWriteArrayList<>();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(stream + "?campaignId=" + campaign)).header("Accept", "text/event-stream")
                        .header("Authorization", "Bearer " + FunnelInfrastructure.token("analyst")).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                response.body().filter(line -> line.startsWith("data:"))
                        .forEach(line -> pushed.add(read(line.substring(5).strip())));
            } catch (java.io.UncheckedIOException closedByTheTest) {
                // the stream ends when the test closes it
            }
        });
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> !pushed.isEmpty());
            assertThat(pushed.get(0).get("leads").asInt()).isZero();

            FunnelEvents.publish(generated(UUID.randomUUID(), campaign, Channel.EMAIL, at),
                    generated(UUID.randomUUID(), campaign, Channel.EMAIL, at.plusSeconds(1)));

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> pushed.get(pushed.size() - 1).get("leads").asInt() == 2);
            // only changes are pushed: no two neighbours alike
            for (int i = 1; i < pushed.size(); i++) {
                assertThat(pushed.get(i)).isNotEqualTo(pushed.get(i - 1));
            }
        } finally {
            response.body().close();
            reader.interrupt();
        }
    }

    @Test
    void aBadParameterIsRefusedBeforeTheStreamStarts() {
        given().accept("text/event-stream").queryParam("from", "yesterday").get("/api/analytics/stream").then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("from"));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
