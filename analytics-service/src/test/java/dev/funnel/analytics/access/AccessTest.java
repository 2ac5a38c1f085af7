package dev.funnel.analytics.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.testing.AccessWalk;
import dev.funnel.testing.AccessWalk.Call;
import dev.funnel.testing.FunnelInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Who may call what: every operation of the OpenAPI document, called with no token, an expired one, one signed by
 * another key, a malformed one, and a token for each role alone: the admitted roles succeed, every other caller is
 * refused. The rules below are the README's table.
 */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class AccessTest {

    private static final Set<String> ANALYST = Set.of("analyst");
    private static final Map<String, Set<String>> ADMITTED = Map.ofEntries(
            Map.entry("GET /api/analytics/funnel", ANALYST),
            Map.entry("GET /api/analytics/campaigns", ANALYST),
            Map.entry("GET /api/analytics/channels", ANALYST),
            Map.entry("GET /api/analytics/timeseries", ANALYST),
            Map.entry("GET /api/analytics/attribution", ANALYST),
            Map.entry("GET /api/analytics/stream", ANALYST),
            Map.entry("POST /api/analytics/session", ANALYST),
            Map.entry("DELETE /api/analytics/session", AccessWalk.ANYONE),
            Map.entry("POST /api/analytics/rebuild", Set.of("admin")),
            Map.entry("GET /api/analytics/rebuild", Set.of("admin")),
            Map.entry("GET /api/analytics/rebuild/{id}", Set.of("admin")));

    @TestHTTPResource("/")
    URL root;

    @Test
    void everyOperationAdmitsItsRolesAndRefusesEveryoneElse() throws Exception {
        ObjectMapper json = new ObjectMapper();
        var document = json.readTree(given().queryParam("format", "json").get("/q/openapi").asString());
        awaitNoRebuild();
        // a finished rebuild to read back, and none running, so that the admin's POST can start one
        String rebuild = given().post("/api/analytics/rebuild").then().statusCode(202).extract().path("id");
        awaitNoRebuild();

        AccessWalk.Result result = AccessWalk.walk(root.toURI(), document, FunnelInfrastructure.tokens(), ADMITTED,
                Map.of("GET /api/analytics/timeseries",
                        Call.to("/api/analytics/timeseries?metric=leads&interval=day&from=2026-01-01&to=2026-02-01"),
                        "GET /api/analytics/attribution", Call.to("/api/analytics/attribution?model=linear"),
                        "GET /api/analytics/rebuild/{id}", Call.to("/api/analytics/rebuild/" + rebuild)));

        // the admin's POST started a rebuild: let it finish before other test classes count on the tables
        awaitNoRebuild();
        assertThat(result.failures()).isEmpty();
        assertThat(result.operations()).isEqualTo(ADMITTED.size());
    }

    private static void awaitNoRebuild() {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Object state = given().get("/api/analytics/rebuild").then().extract().path("state");
            return !String.valueOf(state).matches("RUNNING|SWAPPING");
        });
    }
}
