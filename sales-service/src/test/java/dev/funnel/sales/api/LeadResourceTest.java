package dev.funnel.sales.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.funnel.testing.FunnelInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "sales"))
class LeadResourceTest {

    @Test
    void unknownLeadIsA404Problem() {
        given().get("/api/leads/{id}", UUID.randomUUID()).then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(404));
    }

    @Test
    void pageSizeOver500IsRefusedNamingTheParameter() {
        given().queryParam("size", 501).get("/api/leads").then()
                .statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void unknownStageIsA400ProblemNamingTheParameter() {
        given().queryParam("stage", "SLEEPING").get("/api/leads").then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("stage"));
    }
}
