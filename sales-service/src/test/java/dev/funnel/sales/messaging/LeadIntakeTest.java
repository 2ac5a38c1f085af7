package dev.funnel.sales.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.funnel.contracts.Channel;
import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.EventCodec;
import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.Topics;
import dev.funnel.contracts.lead.LeadEngaged;
import dev.funnel.contracts.lead.LeadErased;
import dev.funnel.contracts.lead.LeadGenerated;
import dev.funnel.contracts.lead.Timeline;
import dev.funnel.contracts.pipeline.PipelineStage;
import dev.funnel.sales.Lead;
import dev.funnel.sales.TestLeads;
import dev.funnel.testing.EventProducer;
import dev.funnel.testing.FunnelInfrastructure;
import dev.funnel.testing.TopicRecords;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "sales"))
class LeadIntakeTest {

    private static EventProducer events;

    @BeforeAll
    static void connect() {
        events = new EventProducer(FunnelInfrastructure.bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    private static LeadGenerated generated(UUID id) {
        return new LeadGenerated(id, "grace+" + id + "@example.com", "Grace", "Hopper", "Navy", "Rear Admiral",
                "+1 555 0100", "US", 5000, new BigDecimal("90000"), "USD", Timeline.NOW, UUID.randomUUID(),
                Channel.EVENT, null, true, Map.of("form", "booth"), null, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private static void awaitLead(UUID id) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().get("/api/leads/{id}", id).then().statusCode(200));
    }

    @Test
    void generatedLeadEntersThePipelineScoredAndQualified() {
        UUID id = UUID.randomUUID();
        LeadGenerated lead = generated(id);
        events.publish(EventTypes.LEAD_GENERATED, id, lead);

        awaitLead(id);
        given().get("/api/leads/{id}", id).then()
                .body("stage", equalTo("QUALIFIED"))
                .body("score", equalTo(70))
                .body("email", equalTo(lead.email()))
                .body("channel", equalTo("EVENT"))
                .body("touches", equalTo(1));
        given().queryParam("stage", "QUALIFIED").queryParam("minScore", 70).queryParam("size", 500).get("/api/leads").then()
                .statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItem(id.toString()));
    }

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() {
        UUID id = UUID.randomUUID();
        events.publish(EventTypes.LEAD_GENERATED, id, generated(id));
        CloudEvent touch = CloudEvent.of(EventTypes.LEAD_ENGAGED, id, Instant.now());
        String payload = EventCodec.write(new LeadEngaged(id, UUID.randomUUID(), Channel.SEARCH, null, Instant.now()));
        events.publish(touch, Topics.MARKETING_LEADS, payload);
        events.publish(touch, Topics.MARKETING_LEADS, payload);   // a redelivery: same ce_id
        // a later, different touch proves both copies above were consumed before it
        events.publish(EventTypes.LEAD_ENGAGED, id, new LeadEngaged(id, null, Channel.OTHER, null, Instant.now()));

        awaitLead(id);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().get("/api/leads/{id}", id).then().body("touches", equalTo(3)));
        assertThat(Lead.count("id", id)).isEqualTo(1);
    }

    @Test
    void aBurstOfEventsIsTakenInBatchesWithEachLeadsEventsInOrderAndPoisonParked() {
        // published back to back, so polls hold hundreds of records and are applied as batches
        List<UUID> ids = Stream.generate(UUID::randomUUID).limit(150).toList();
        UUID poisoned = UUID.randomUUID();
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ids.get(i);
            events.publish(EventTypes.LEAD_GENERATED, id, generated(id));
            events.publish(EventTypes.LEAD_ENGAGED, id, new LeadEngaged(id, null, Channel.SEARCH, null, Instant.now()));
            if (i == ids.size() / 2) {
                events.publish(CloudEvent.of(EventTypes.LEAD_GENERATED, poisoned, Instant.now()), Topics.MARKETING_LEADS,
                        "{\"leadId\":\"" + poisoned + "\"}");
            }
            // a touch taken before its lead's creation would be lost, so three touches prove the order
            events.publish(EventTypes.LEAD_ENGAGED, id, new LeadEngaged(id, null, Channel.SOCIAL, null, Instant.now()));
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> Lead.count("id in ?1 and touches = 3", ids))).isEqualTo(ids.size()));
        var dead = TopicRecords.await(FunnelInfrastructure.bootstrapServers(), Topics.SALES_DEAD_LETTER,
                r -> poisoned.toString().equals(r.key()), 1, Duration.ofSeconds(20));
        assertThat(TopicRecords.header(dead.get(0), "dead-letter-topic")).isEqualTo(Topics.MARKETING_LEADS);
        assertThat(TopicRecords.header(dead.get(0), "ce_id")).isNotBlank();
        given().get("/api/leads/{id}", poisoned).then().statusCode(404);
    }

    @Test
    void erasedLeadLosesItsPersonalDataButKeepsItsFacts() {
        UUID id = UUID.randomUUID();
        events.publish(EventTypes.LEAD_GENERATED, id, generated(id));
        events.publish(EventTypes.LEAD_ERASED, id, new LeadErased(id, Instant.now()));

        awaitLead(id);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().get("/api/leads/{id}", id).then()
                        .body("email", nullValue())
                        .body("firstName", nullValue())
                        .body("lastName", nullValue())
                        .body("phone", nullValue())
                        .body("erasedAt", org.hamcrest.Matchers.notNullValue())
                        .body("channel", equalTo("EVENT"))
                        .body("stage", equalTo("QUALIFIED")));
    }

    @Test
    void erasedLeadLosesTheRepsNotesAboutThePersonToo() {
        UUID id = UUID.randomUUID();
        TestLeads.bringIn(events, generated(id), PipelineStage.QUALIFIED);
        TestLeads.move(id, Map.of("to", "CONTACTED", "note", "Grace prefers her mobile")).statusCode(200);
        given().contentType(ContentType.JSON)
                .body(Map.of("kind", "CALL", "dueAt", Instant.now().plusSeconds(3600).toString(), "note", "ask Grace about Navy budget"))
                .post("/api/leads/{id}/follow-ups", id).then().statusCode(201);

        events.publish(EventTypes.LEAD_ERASED, id, new LeadErased(id, Instant.now()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().get("/api/leads/{id}", id).then().body("erasedAt", org.hamcrest.Matchers.notNullValue()));
        given().get("/api/leads/{id}", id).then()
                .body("stage", equalTo("CONTACTED"))
                .body("history.findAll { it.note != null }.size()", equalTo(0))
                .body("followUps[0].note", nullValue())
                .body("followUps[0].kind", equalTo("CALL"));
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicAndTheNextEventIsStillTaken() {
        UUID broken = UUID.randomUUID();
        CloudEvent brokenEnvelope = CloudEvent.of(EventTypes.LEAD_GENERATED, broken, Instant.now());
        events.publish(brokenEnvelope, Topics.MARKETING_LEADS, "{not json");
        UUID unknown = UUID.randomUUID();
        CloudEvent unknownType = new CloudEvent(UUID.randomUUID(), "dev.funnel.marketing.lead.teleported.v9",
                brokenEnvelope.source(), unknown.toString(), Instant.now());
        events.publish(unknownType, Topics.MARKETING_LEADS, "{}");
        UUID missingField = UUID.randomUUID();
        events.publish(CloudEvent.of(EventTypes.LEAD_GENERATED, missingField, Instant.now()), Topics.MARKETING_LEADS,
                "{\"leadId\":\"" + missingField + "\",\"channel\":\"OTHER\"}");

        UUID good = UUID.randomUUID();
        events.publish(EventTypes.LEAD_GENERATED, good, generated(good));

        var dead = TopicRecords.await(FunnelInfrastructure.bootstrapServers(), Topics.SALES_DEAD_LETTER,
                r -> r.key() != null && (r.key().equals(broken.toString()) || r.key().equals(unknown.toString())
                        || r.key().equals(missingField.toString())), 3, Duration.ofSeconds(20));
        assertThat(dead).hasSize(3);
        assertThat(dead).allSatisfy(r -> assertThat(TopicRecords.header(r, "dead-letter-reason")).isNotBlank());
        assertThat(dead).anySatisfy(r -> assertThat(TopicRecords.header(r, "dead-letter-reason")).contains("teleported"));
        awaitLead(good);
        given().get("/api/leads/{id}", broken).then().statusCode(404);
    }
}
