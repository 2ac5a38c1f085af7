package dev.funnel.marketing.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.testing.AccessWalk;
import dev.funnel.testing.FunnelInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Who may call what: every operation of the OpenAPI document, called with no token, an expired one, one signed by
 * another key, a malformed one, and a token for each role alone. The rules below are the README's table.
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
        String campaign = given().contentType(ContentType.JSON).body("""
                        {"name": "Access walk", "channel": "SEARCH", "budget": 1000, "currency": "USD",
                         "startsOn": "2026-03-01", "endsOn": "2026-05-31"}""")
                .post("/api/campaigns").then().statusCode(201).extract().path("id");
        var document = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").asString());

        AccessWalk.Result result = AccessWalk.walk(root.toURI(), document, FunnelInfrastructure.tokens(), ADMITTED,
                Map.of("id", campaign));

        assertThat(result.failures()).isEmpty();
        assertThat(result.operations()).isEqualTo(ADMITTED.size());
        assertThat(result.calls()).isGreaterThanOrEqualTo(ADMITTED.size() * 9);
    }

    @Test
    void healthMetricsAndTheApiDocumentsNeedNoToken() {
        for (String path : new String[] {"/q/health/live", "/q/health/ready", "/q/metrics", "/q/openapi"}) {
            given().header("Authorization", "Bearer not-checked-here").get(path).then().statusCode(200);
        }
    }
}
