package dev.funnel.analytics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;

/** Reads the analytics API over REST, as a dashboard would. */
public final class FunnelApi {

    /** Long enough for a consumer group to form on a cold broker; a passing test waits far less. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

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

    /** The answer of a GET that must succeed, decimals exact. */
    public static JsonNode get(String path, Map<String, ?> query) {
        String body = given().queryParams(query).get(path).then().statusCode(200).extract().asString();
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    public static JsonNode funnel(Map<String, ?> query) {
        return get("/api/analytics/funnel", query);
    }

    /** Checks every expected figure of a funnel (or a row holding one); "null" expects a null ratio. */
    public static void assertFigures(JsonNode funnel, Map<String, String> expected) {
        SoftAssertions softly = new SoftAssertions();
        expected.forEach((field, value) -> {
            JsonNode actual = funnel.get(field);
            softly.assertThat(actual).as(field + " is present").isNotNull();
            if (actual == null) {
                return;
            }
            if (value.equals("null")) {
                softly.assertThat(actual.isNull()).as(field + " is null, was " + actual).isTrue();
            } else {
                softly.assertThat(actual.isNumber()).as(field + " is a number, was " + actual).isTrue();
                softly.assertThat(actual.decimalValue()).as(field).isEqualByComparingTo(new BigDecimal(value));
            }
        });
        softly.assertAll();
    }

    /** Waits until the funnel under these query parameters shows every expected figure. */
    public static void awaitFunnel(Map<String, ?> query, Map<String, String> expected) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertFigures(funnel(query), expected));
        assertThat(funnel(query).size()).isEqualTo(23);
    }
}
