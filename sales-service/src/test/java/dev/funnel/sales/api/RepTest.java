package dev.funnel.sales.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.funnel.contracts.pipeline.PipelineStage;
import dev.funnel.sales.TestLeads;
import dev.funnel.testing.EventProducer;
import dev.funnel.testing.FunnelInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "sales"))
class RepTest {

    private static EventProducer events;

    @BeforeAll
    static void connect() {
        events = new EventProducer(FunnelInfrastructure.bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    private static void setActive(String id, boolean active) {
        given().contentType(ContentType.JSON).body(Map.of("active", active)).patch("/api/reps/{id}", id).then()
                .statusCode(200).body("active", equalTo(active));
    }

    private static String ownerOfNewQualifiedLead() {
        UUID lead = TestLeads.bringIn(events, TestLeads.promising(UUID.randomUUID()), PipelineStage.QUALIFIED);
        return given().get("/api/leads/{id}", lead).then().extract().path("ownerId");
    }

    @Test
    void aRepIsAddedActiveAndListed() {
        String id = given().contentType(ContentType.JSON).body(Map.of("name", "Katherine Johnson", "email", "kj@example.com"))
                .post("/api/reps").then().statusCode(201)
                .body("active", equalTo(true))
                .body("name", equalTo("Katherine Johnson"))
                .extract().path("id");
        given().get("/api/reps").then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    void badRepsAreRefusedNamingTheField() {
        given().contentType(ContentType.JSON).body(Map.of("email", "kj@example.com")).post("/api/reps").then()
                .statusCode(422).body("errors[0].field", equalTo("name"));
        given().contentType(ContentType.JSON).body(Map.of("name", "KJ", "email", "not an email")).post("/api/reps").then()
                .statusCode(422).body("errors[0].field", equalTo("email"));
        given().contentType(ContentType.JSON).body(Map.of("active", false)).patch("/api/reps/{id}", UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void qualifiedLeadsGoToTheActiveRepsInTurn() {
        List<String> othersActive = given().get("/api/reps").then().extract().path("findAll { it.active }.id");
        othersActive.forEach(id -> setActive(id, false));
        try {
            String first = TestLeads.addRep("Turn One").toString();
            String second = TestLeads.addRep("Turn Two").toString();

            List<String> owners = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                owners.add(ownerOfNewQualifiedLead());
            }
            assertThat(owners).containsOnly(first, second);
            assertThat(owners.get(0)).isNotEqualTo(owners.get(1));
            assertThat(owners.get(2)).isEqualTo(owners.get(0));
            assertThat(owners.get(3)).isEqualTo(owners.get(1));

            setActive(second, false);
            assertThat(ownerOfNewQualifiedLead()).as("an inactive rep gets no leads").isEqualTo(first);
            setActive(first, false);
            assertThat(ownerOfNewQualifiedLead()).as("with nobody active a lead is qualified unassigned").isNull();
        } finally {
            othersActive.forEach(id -> setActive(id, true));
        }
    }
}
