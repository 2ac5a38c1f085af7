package dev.funnel.marketing.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.funnel.testing.FunnelInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What HostileInputTest once found answered 500, each now a 4xx naming its field. */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "marketing"))
class HostileInputFindingsTest {

    private static String leadWithANullAttribute() {
        return """
                {"email": "null-attribute+%s@example.com", "utm": {"source": "fuzz"}, "attributes": {"form": null}}"""
                .formatted(UUID.randomUUID());
    }

    @Test
    void anAttributeWithoutAValueIsRefusedNamingIt() {
        given().contentType(ContentType.JSON).body(leadWithANullAttribute()).post("/api/leads").then()
                .statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem(startsWith("attributes")));
    }

    @Test
    void aBatchedLeadWithAnAttributeWithoutAValueIsRejectedAlone() {
        given().contentType(ContentType.JSON).body("[" + leadWithANullAttribute() + "]").post("/api/leads/batch").then()
                .statusCode(200)
                .body("results[0].outcome", equalTo("rejected"))
                .body("results[0].problem.errors.field", hasItem(startsWith("attributes")));
    }

    @Test
    void aBodyOfTheWrongShapeIsRefusedWithoutNamingJavaTypes() {
        given().contentType(ContentType.JSON).body("true").post("/api/awareness").then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("detail", equalTo("The body is not valid JSON: the body must be a JSON array"));
        given().contentType(ContentType.JSON).body("[]").post("/api/leads").then()
                .statusCode(400)
                .body("detail", equalTo("The body is not valid JSON: the body must be a JSON object"));
    }

    @Test
    void jsonNestedTooDeepIsRefusedWithoutNamingTheParsersInsides() {
        for (String path : new String[] {"/api/leads", "/api/leads/batch", "/api/awareness"}) {
            given().contentType(ContentType.JSON).body("[".repeat(10_000) + "]".repeat(10_000)).post(path).then()
                    .statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("detail", not(containsString("`")))
                    .body("detail", not(containsString("Constraints")));
        }
    }

    @Test
    void datesJavaParsesButNoColumnHoldsAreRefusedNamingTheField() {
        given().contentType(ContentType.JSON).body("""
                {"name": "Far future", "channel": "SEARCH", "budget": 1, "currency": "USD",
                 "startsOn": "+999999999-12-31"}""").post("/api/campaigns").then()
                .statusCode(422)
                .body("errors.field", hasItem("startsOn"));
        given().contentType(ContentType.JSON).body("""
                [{"campaignId": "%s", "kind": "CLICK", "count": 1, "occurredAt": "-999999999-01-01T00:00:00Z"}]"""
                .formatted(UUID.randomUUID())).post("/api/awareness").then()
                .statusCode(422)
                .body("errors.field", hasItem("[0].occurredAt"));
    }
}
