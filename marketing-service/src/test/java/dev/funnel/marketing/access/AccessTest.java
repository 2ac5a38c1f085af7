package dev.funnel.marketing.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.testing.AccessWalk;
import dev.funnel.testing.AccessWalk.Call;
import dev.funnel.testing.FunnelInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Who may call what: every operation of the OpenAPI document, called with no token, an expired one, one signed by
 * another key, a malformed one, and a token for each role alone: the admitted role succeeds, every other caller is
 * refused. The rules below are the README's table.
 */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "marketing"))
class AccessTest {

    private static final Map<String, Set<String>> ADMITTED = Map.of(
            "POST /api/leads", Set.of("lead-intake"),
            "POST /api/leads/batch", Set.of("lead-intake"),
            "POST /api/awareness", Set.of("lead-intake"),
            "GET /api/leads/{id}", Set.of("marketer"),
            "DELETE /api/leads/{id}", Set.of("admin"),
            "POST /api/campaigns", Set.of("marketer"),
            "GET /api/campaigns", Set.of("marketer"),
            "GET /api/campaigns/{id}", Set.of("marketer"),
            "PATCH /api/campaigns/{id}", Set.of("marketer"),
            "POST /api/campaigns/{id}/spend", Set.of("marketer"));

    @TestHTTPResource("/")
    URL root;

    @Test
    void everyOperationAdmitsItsRolesAndRefusesEveryoneElse() throws Exception {
        String campaign = campaign("Access walk");
        String changed = campaign("Access walk, changed");
        var document = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").asString());

        Map<String, Call> calls = Map.of(
                "POST /api/leads", Call.to("/api/leads").with(lead(campaign)),
                "POST /api/leads/batch", Call.to("/api/leads/batch")
                        .with("[" + lead(campaign) + ", " + lead(campaign) + "]"),
                "POST /api/awareness", Call.to("/api/awareness").with("""
                        [{"campaignId": "%s", "kind": "CLICK", "count": 3, "occurredAt": "2026-03-02T09:00:00Z"}]"""
                        .formatted(campaign)),
                "GET /api/leads/{id}", Call.to("/api/leads/" + storedLead(campaign)),
                "DELETE /api/leads/{id}", Call.to("/api/leads/" + storedLead(campaign)),
                "GET /api/campaigns/{id}", Call.to("/api/campaigns/" + campaign),
                "PATCH /api/campaigns/{id}", Call.to("/api/campaigns/" + changed),
                "POST /api/campaigns/{id}/spend", Call.to("/api/campaigns/" + campaign + "/spend"));

        AccessWalk.Result result = AccessWalk.walk(root.toURI(), document, FunnelInfrastructure.tokens(), ADMITTED,
                calls);

        assertThat(result.failures()).isEmpty();
        assertThat(result.operations()).isEqualTo(ADMITTED.size());
        assertThat(result.calls()).isGreaterThanOrEqualTo(ADMITTED.size() * 9);
    }

    private static String campaign(String name) {
        return given().contentType(ContentType.JSON).body("""
                        {"name": "%s", "channel": "SEARCH", "budget": 1000, "currency": "USD",
                         "startsOn": "2026-03-01", "endsOn": "2026-05-31"}""".formatted(name))
                .post("/api/campaigns").then().statusCode(201).extract().path("id");
    }

    private static String lead(String campaign) {
        return """
                {"email": "walk-%s@example.com", "firstName": "Walk", "campaignId": "%s"}"""
                .formatted(UUID.randomUUID(), campaign);
    }

    private static String storedLead(String campaign) {
        return given().contentType(ContentType.JSON).body(lead(campaign)).post("/api/leads")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void healthMetricsAndTheApiDocumentsNeedNoToken() {
        for (String path : new String[] {"/q/health/live", "/q/health/ready", "/q/metrics", "/q/openapi"}) {
            given().header("Authorization", "Bearer not-checked-here").get(path).then().statusCode(200);
        }
    }
}
