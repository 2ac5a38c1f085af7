package dev.funnel.sales.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.funnel.contracts.pipeline.PipelineStage;
import dev.funnel.sales.TestLeads;
import dev.funnel.testing.EventProducer;
import dev.funnel.testing.FunnelInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
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

    @Test
    void leadsAreListedHighestScoreFirstAndFilteredByOwnerAndMinimumScore() {
        TestLeads.addRep("List Owner");   // so the qualified lead has an owner to filter by
        UUID high;
        UUID low;
        try (EventProducer events = new EventProducer(FunnelInfrastructure.bootstrapServers())) {
            high = TestLeads.bringIn(events, TestLeads.promising(UUID.randomUUID()), PipelineStage.QUALIFIED);
            low = TestLeads.bringIn(events, TestLeads.unpromising(UUID.randomUUID()), PipelineStage.DISQUALIFIED);
        }

        List<Integer> scores = given().queryParam("size", 500).get("/api/leads").then().statusCode(200)
                .extract().path("score");
        assertThat(scores.stream().filter(Objects::nonNull).toList()).isSortedAccordingTo(Comparator.reverseOrder());
        List<String> atLeast60 = given().queryParam("minScore", 60).queryParam("size", 500).get("/api/leads")
                .then().statusCode(200).extract().path("id");
        assertThat(atLeast60).contains(high.toString()).doesNotContain(low.toString());
        String owner = given().get("/api/leads/{id}", high).then().extract().path("ownerId");
        assertThat(owner).isNotNull();
        given().queryParam("owner", owner).queryParam("size", 500).get("/api/leads").then()
                .statusCode(200)
                .body("ownerId", everyItem(equalTo(owner)))
                .body("id", hasItem(high.toString()));
    }

    @Test
    void badListFiltersAre400ProblemsNamingTheParameter() {
        given().queryParam("owner", "ada").get("/api/leads").then()
                .statusCode(400).body("errors[0].field", equalTo("owner"));
        given().queryParam("minScore", "lots").get("/api/leads").then()
                .statusCode(400).body("errors[0].field", equalTo("minScore"));
    }
}
