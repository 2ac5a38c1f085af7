package dev.funnel.marketing.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.funnel.contracts.access.Roles;
import dev.funnel.testing.FunnelInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each caller of the intake endpoints has a rate; past it, 429 with Retry-After and nothing stored. */
@QuarkusTest
@TestProfile(IntakeRateLimitTest.ThreeThenOneInAHundredSeconds.class)
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "marketing"))
class IntakeRateLimitTest {

    /** A burst of three, then one request every 100 seconds: slow enough that no token comes back mid-test. */
    public static class ThreeThenOneInAHundredSeconds implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("funnel.intake-limit.per-second", "0.01", "funnel.intake-limit.burst", "3");
        }
    }

    private static String caller(String subject) {
        return "Bearer " + FunnelInfrastructure.tokens().token(subject, List.of(Roles.LEAD_INTAKE), Duration.ofHours(1));
    }

    private static String email() {
        return "rate+" + UUID.randomUUID() + "@example.com";
    }

    private static ValidatableResponse post(String caller, String path, Object body) {
        return given().header("Authorization", caller).contentType(ContentType.JSON).body(body).post(path).then();
    }

    private static ValidatableResponse lead(String caller, String email) {
        return post(caller, "/api/leads", Map.of("email", email, "utm", Map.of("source", "rate-test")));
    }

    @Test
    void aCallerPastItsBurstIsAnswered429WithRetryAfterAndNothingIsStored() {
        String busy = caller("form-backend-busy");
        for (int i = 0; i < 3; i++) {
            lead(busy, email()).statusCode(201);
        }
        String refused = email();
        String retryAfter = lead(busy, refused).statusCode(429)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://funnel.dev/problems/rate-limited"))
                .body("status", equalTo(429))
                .extract().header("Retry-After");
        // a token every 100 s, the first taken when this test began: the wait is what is left of those 100 s
        assertThat(Integer.parseInt(retryAfter)).isBetween(60, 100);
        // the batch and the awareness endpoints draw on the same bucket
        post(busy, "/api/leads/batch", List.of(Map.of("email", email(), "utm", Map.of("source", "rate-test"))))
                .statusCode(429).header("Retry-After", notNullValue());
        post(busy, "/api/awareness", List.of(Map.of("campaignId", UUID.randomUUID(), "kind", "CLICK", "count", 1,
                "occurredAt", "2026-01-01T00:00:00Z"))).statusCode(429);

        // the refused lead was not stored: posted again by someone else, it is new
        lead(caller("form-backend-other"), refused).statusCode(201).body("outcome", equalTo("created"));
    }

    @Test
    void anotherCallerIsNotHeldBackByABusyOne() {
        String busy = caller("importer-busy");
        String quiet = caller("importer-quiet");
        for (int i = 0; i < 3; i++) {
            lead(busy, email()).statusCode(201);
        }
        lead(busy, email()).statusCode(429);
        for (int i = 0; i < 3; i++) {
            lead(quiet, email()).statusCode(201);
        }
    }

    @Test
    void readingIsNotLimited() {
        String reader = "Bearer " + FunnelInfrastructure.tokens().token("dashboard-reader",
                List.of(Roles.MARKETER), Duration.ofHours(1));
        for (int i = 0; i < 6; i++) {
            given().header("Authorization", reader).get("/api/campaigns").then().statusCode(200);
        }
    }
}
