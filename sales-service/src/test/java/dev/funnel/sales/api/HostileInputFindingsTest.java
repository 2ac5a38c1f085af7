package dev.funnel.sales.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.funnel.contracts.pipeline.PipelineStage;
import dev.funnel.sales.TestLeads;
import dev.funnel.testing.EventProducer;
import dev.funnel.testing.FunnelInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What HostileInputTest once found answered 500, each now a 4xx naming what is wrong. */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "sales"))
class HostileInputFindingsTest {

    @Test
    void aFollowUpDueInTheYearABillionIsRefusedNamingTheField() {
        UUID lead;
        try (EventProducer events = new EventProducer(FunnelInfrastructure.bootstrapServers())) {
            lead = TestLeads.bringIn(events, TestLeads.promising(UUID.randomUUID()), PipelineStage.QUALIFIED);
        }
        given().contentType(ContentType.JSON).body(Map.of("kind", "CALL", "dueAt", "+999999999-12-31T23:59:59Z"))
                .post("/api/leads/{id}/follow-ups", lead).then()
                .statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem("dueAt"));
    }

    @Test
    void followUpsDueBeforeTheYearABillionAreRefusedNamingTheParameter() {
        given().queryParam("dueBefore", "+999999999-12-31T23:59:59Z").get("/api/follow-ups").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("dueBefore"));
    }

    @Test
    void aNameWithANulCharacterIsRefusedNotAFailure() {
        // PostgreSQL stores no NUL in text; the request brought it, so the answer is 422, not 500
        given().contentType(ContentType.JSON).body(Map.of("name", "Dana\u0000")).post("/api/reps").then()
                .statusCode(422)
                .contentType(startsWith("application/problem+json"));
    }
}
