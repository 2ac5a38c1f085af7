package dev.funnel.sales.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "sales"))
class AccessTest {

    private static final Set<String> SALES = Set.of("sales");
    private static final Map<String, Set<String>> ADMITTED = Map.ofEntries(
            Map.entry("GET /api/leads", SALES),
            Map.entry("GET /api/leads/{id}", SALES),
            Map.entry("POST /api/leads/{id}/transitions", SALES),
            Map.entry("POST /api/leads/{id}/follow-ups", SALES),
            Map.entry("POST /api/leads/{id}/referrals", SALES),
            Map.entry("GET /api/follow-ups", SALES),
            Map.entry("GET /api/follow-ups/{id}", SALES),
            Map.entry("POST /api/follow-ups/{id}/complete", SALES),
            Map.entry("GET /api/reps", SALES),
            Map.entry("POST /api/reps", SALES),
            Map.entry("PATCH /api/reps/{id}", SALES),
            Map.entry("GET /api/scoring", Set.of("sales", "admin")),
            Map.entry("PUT /api/scoring", Set.of("admin")));

    @TestHTTPResource("/")
    URL root;

    @Test
    void everyOperationAdmitsItsRolesAndRefusesEveryoneElse() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode rules = (ObjectNode) json.readTree(given().get("/api/scoring").then().statusCode(200).extract().asString());
        var document = json.readTree(given().queryParam("format", "json").get("/q/openapi").asString());

        AccessWalk.Result result;
        try {
            result = AccessWalk.walk(root.toURI(), document, FunnelInfrastructure.tokens(), ADMITTED, Map.of());
        } finally {
            restore(json, rules);
        }

        assertThat(result.failures()).isEmpty();
        assertThat(result.operations()).isEqualTo(ADMITTED.size());
    }

    /** The admin's PUT of the document's example may have replaced the rules: put back the ones other tests expect. */
    private static void restore(ObjectMapper json, ObjectNode rules) throws Exception {
        long version = json.readTree(given().get("/api/scoring").asString()).path("version").asLong();
        if (version != rules.path("version").asLong()) {
            rules.put("version", version);
            given().contentType(ContentType.JSON).body(rules.toString()).put("/api/scoring").then().statusCode(200);
        }
    }
}
