package dev.funnel.analytics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

/** Reads the funnel over REST, as a dashboard would. */
public final class FunnelApi {

    /** Long enough for a consumer group to form on a cold broker; a passing test waits far less. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private FunnelApi() {
    }

    /** The funnel's {@code leads} under these query parameters. */
    public static int leads(Map<String, ?> query) {
        return given().queryParams(query).get("/api/analytics/funnel").then()
                .statusCode(200)
                .extract().path("leads");
    }

    /** Waits until the funnel under these query parameters counts exactly this many leads. */
    public static void awaitLeads(Map<String, ?> query, int expected) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> given().queryParams(query).get("/api/analytics/funnel").then()
                        .statusCode(200)
                        .body("leads", equalTo(expected)));
    }
}
