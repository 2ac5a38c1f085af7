package dev.funnel.sales.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.pipeline.FollowUpCompleted;
import dev.funnel.contracts.pipeline.FollowUpKind;
import dev.funnel.contracts.pipeline.PipelineStage;
import dev.funnel.sales.PipelineRecords;
import dev.funnel.sales.TestLeads;
import dev.funnel.testing.EventProducer;
import dev.funnel.testing.FunnelInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "sales"))
class FollowUpTest {

    private static EventProducer events;

    @BeforeAll
    static void connect() {
        events = new EventProducer(FunnelInfrastructure.bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    private static String schedule(UUID leadId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/leads/{id}/follow-ups", leadId).then()
                .statusCode(201).extract().path("id");
    }

    @Test
    void followUpsAreListedByDueDateForTheirOwner() {
        UUID owner = TestLeads.addRep("Follow-up Owner");
        UUID lead = TestLeads.bringIn(events, TestLeads.promising(UUID.randomUUID()), PipelineStage.QUALIFIED);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String later = schedule(lead, Map.of("kind", "MEETING", "dueAt", now.plus(Duration.ofDays(3)).toString(),
                "ownerId", owner.toString(), "note", "demo"));
        String sooner = schedule(lead, Map.of("kind", "CALL", "dueAt", now.plus(Duration.ofDays(1)).toString(),
                "ownerId", owner.toString()));
        schedule(lead, Map.of("kind", "EMAIL", "dueAt", now.plus(Duration.ofDays(10)).toString(),
                "ownerId", owner.toString()));

        List<String> dueThisWeek = given().queryParam("owner", owner.toString())
                .queryParam("dueBefore", now.plus(Duration.ofDays(7)).toString())
                .get("/api/follow-ups").then().statusCode(200).extract().path("id");
        assertThat(dueThisWeek).containsExactly(sooner, later);
        given().get("/api/follow-ups/{id}", later).then().statusCode(200)
                .body("kind", equalTo("MEETING"))
                .body("note", equalTo("demo"))
                .body("leadId", equalTo(lead.toString()));
        given().get("/api/leads/{id}", lead).then().body("followUps.kind", org.hamcrest.Matchers.contains(
                "CALL", "MEETING", "EMAIL"));
    }

    @Test
    void aFollowUpWithoutOwnerBelongsToTheLeadsOwner() {
        TestLeads.addRep("Lead Owner");
        UUID lead = TestLeads.bringIn(events, TestLeads.promising(UUID.randomUUID()), PipelineStage.QUALIFIED);
        String leadOwner = given().get("/api/leads/{id}", lead).then().extract().path("ownerId");

        String id = schedule(lead, Map.of("kind", "CALL", "dueAt", Instant.now().plus(Duration.ofDays(1)).toString()));

        assertThat(leadOwner).isNotNull();
        given().get("/api/follow-ups/{id}", id).then().body("ownerId", equalTo(leadOwner));
    }

    @Test
    void completingAFollowUpRecordsItsOutcomeAndAnnouncesItOnce() {
        UUID lead = TestLeads.bringIn(events, TestLeads.promising(UUID.randomUUID()), PipelineStage.QUALIFIED);
        Instant due = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);
        String id = schedule(lead, Map.of("kind", "CALL", "dueAt", due.toString()));

        given().contentType(ContentType.JSON).body(Map.of("outcome", "wants a proposal", "by", "ada"))
                .post("/api/follow-ups/{id}/complete", id).then().statusCode(200)
                .body("outcome", equalTo("wants a proposal"))
                .body("completedBy", equalTo("ada"))
                .body("completedAt", org.hamcrest.Matchers.notNullValue());
        given().contentType(ContentType.JSON).body(Map.of("outcome", "again"))
                .post("/api/follow-ups/{id}/complete", id).then().statusCode(409)
                .contentType(startsWith("application/problem+json"));
        given().queryParam("leadId", lead.toString()).queryParam("status", "COMPLETED").get("/api/follow-ups").then()
                .body("id", org.hamcrest.Matchers.contains(id));
        given().queryParam("leadId", lead.toString()).get("/api/follow-ups").then()
                .body("size()", equalTo(0));

        List<ConsumerRecord<String, String>> published = PipelineRecords.about(lead, 2);
        assertThat(PipelineRecords.types(published))
                .containsExactly(EventTypes.LEAD_QUALIFIED.type(), EventTypes.FOLLOW_UP_COMPLETED.type());
        FollowUpCompleted completed = PipelineRecords.payload(published.get(1), EventTypes.FOLLOW_UP_COMPLETED);
        assertThat(completed.followUpId()).hasToString(id);
        assertThat(completed.leadId()).isEqualTo(lead);
        assertThat(completed.kind()).isEqualTo(FollowUpKind.CALL);
        assertThat(completed.dueAt()).isEqualTo(due);
        assertThat(completed.outcome()).isEqualTo("wants a proposal");
    }

    @Test
    void badFollowUpsAreRefusedNamingTheField() {
        UUID lead = TestLeads.bringIn(events, TestLeads.promising(UUID.randomUUID()), PipelineStage.QUALIFIED);
        String due = Instant.now().plus(Duration.ofDays(1)).toString();

        given().contentType(ContentType.JSON).body(Map.of("dueAt", due)).post("/api/leads/{id}/follow-ups", lead)
                .then().statusCode(422).body("errors[0].field", equalTo("kind"));
        given().contentType(ContentType.JSON).body(Map.of("kind", "PIGEON", "dueAt", due))
                .post("/api/leads/{id}/follow-ups", lead).then().statusCode(422).body("errors[0].field", equalTo("kind"));
        given().contentType(ContentType.JSON).body(Map.of("kind", "CALL", "dueAt", "tomorrow"))
                .post("/api/leads/{id}/follow-ups", lead).then().statusCode(422).body("errors[0].field", equalTo("dueAt"));
        given().contentType(ContentType.JSON).body(Map.of("kind", "CALL", "dueAt", due, "ownerId", UUID.randomUUID().toString()))
                .post("/api/leads/{id}/follow-ups", lead).then().statusCode(422).body("errors[0].field", equalTo("ownerId"));
        given().contentType(ContentType.JSON).body(Map.of("kind", "CALL", "dueAt", due))
                .post("/api/leads/{id}/follow-ups", UUID.randomUUID()).then().statusCode(404);

        String id = schedule(lead, Map.of("kind", "CALL", "dueAt", due));
        given().contentType(ContentType.JSON).body(Map.of("outcome", " "))
                .post("/api/follow-ups/{id}/complete", id).then().statusCode(422).body("errors[0].field", equalTo("outcome"));
        given().contentType(ContentType.JSON).body(Map.of("outcome", "done"))
                .post("/api/follow-ups/{id}/complete", UUID.randomUUID()).then().statusCode(404);
        given().queryParam("dueBefore", "soon").get("/api/follow-ups").then().statusCode(400)
                .body("errors[0].field", equalTo("dueBefore"));
        given().queryParam("owner", "ada").get("/api/follow-ups").then().statusCode(400)
                .body("errors[0].field", equalTo("owner"));
        given().queryParam("status", "SOMEDAY").get("/api/follow-ups").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }
}
