package dev.funnel.sales.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.funnel.contracts.Channel;
import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.EventCodec;
import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.Topics;
import dev.funnel.contracts.lead.LeadEngaged;
import dev.funnel.contracts.lead.LeadGenerated;
import dev.funnel.contracts.pipeline.LeadDisqualified;
import dev.funnel.contracts.pipeline.LeadQualified;
import dev.funnel.contracts.pipeline.PipelineStage;
import dev.funnel.sales.Lead;
import dev.funnel.sales.PipelineRecords;
import dev.funnel.sales.TestLeads;
import dev.funnel.testing.EventProducer;
import dev.funnel.testing.FunnelInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "sales"))
class QualificationTest {

    private static EventProducer events;

    @BeforeAll
    static void connect() {
        events = new EventProducer(FunnelInfrastructure.bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    @Test
    void aGeneratedLeadBecomesAScoredAssignedLeadAndOneQualificationEvent() {
        TestLeads.addRep("Ada Lovelace");   // so at least one rep is active
        UUID id = UUID.randomUUID();
        TestLeads.bringIn(events, TestLeads.promising(id), PipelineStage.QUALIFIED);

        JsonPath lead = given().get("/api/leads/{id}", id).then().statusCode(200).extract().jsonPath();
        assertThat(lead.getInt("score")).isEqualTo(70);
        assertThat(lead.getInt("threshold")).isEqualTo(50);
        assertThat(lead.getList("scoreBreakdown.rule"))
                .containsExactly("seniority", "companySize", "budget", "timeline", "channel", "engagement");
        assertThat(lead.getList("scoreBreakdown.points", Integer.class)).containsExactly(0, 20, 20, 20, 10, 0);
        String owner = lead.getString("ownerId");
        assertThat(owner).as("assigned to an active rep").isNotNull();
        given().get("/api/reps").then().body("findAll { it.active }.id", hasItem(owner));
        assertThat(lead.getList("history.kind")).containsExactly("TOUCH", "MOVE");
        assertThat(lead.getString("history[1].fromStage")).isEqualTo("NEW");
        assertThat(lead.getString("history[1].toStage")).isEqualTo("QUALIFIED");
        assertThat(lead.getString("history[1].by")).isEqualTo("scoring");

        List<ConsumerRecord<String, String>> published = PipelineRecords.about(id, 1);
        assertThat(published).hasSize(1);
        LeadQualified qualified = PipelineRecords.payload(published.get(0), EventTypes.LEAD_QUALIFIED);
        assertThat(qualified.leadId()).isEqualTo(id);
        assertThat(qualified.fromStage()).isEqualTo(PipelineStage.NEW);
        assertThat(qualified.score()).isEqualTo(70);
        assertThat(qualified.threshold()).isEqualTo(50);
        assertThat(qualified.ownerId()).hasToString(owner);
        assertThat(qualified.by()).isEqualTo("scoring");
    }

    @Test
    void aLeadBelowTheThresholdIsDisqualifiedAndUnassigned() {
        UUID id = UUID.randomUUID();
        TestLeads.bringIn(events, TestLeads.unpromising(id), PipelineStage.DISQUALIFIED);

        given().get("/api/leads/{id}", id).then()
                .body("score", equalTo(5))
                .body("ownerId", org.hamcrest.Matchers.nullValue());
        List<ConsumerRecord<String, String>> published = PipelineRecords.about(id, 1);
        assertThat(published).hasSize(1);
        LeadDisqualified disqualified = PipelineRecords.payload(published.get(0), EventTypes.LEAD_DISQUALIFIED);
        assertThat(disqualified.fromStage()).isEqualTo(PipelineStage.NEW);
        assertThat(disqualified.score()).isEqualTo(5);
        assertThat(disqualified.threshold()).isEqualTo(50);
        assertThat(disqualified.by()).isEqualTo("scoring");
    }

    @Test
    void theSameLeadEventDeliveredTwiceGivesOneLeadAndOneEvent() {
        UUID id = UUID.randomUUID();
        LeadGenerated lead = TestLeads.promising(id);
        CloudEvent envelope = CloudEvent.of(EventTypes.LEAD_GENERATED, id, Instant.now());
        String payload = EventCodec.write(lead);
        events.publish(envelope, Topics.MARKETING_LEADS, payload);
        events.publish(envelope, Topics.MARKETING_LEADS, payload);   // a redelivery: same ce_id
        // a later touch proves both copies above were consumed before it
        events.publish(EventTypes.LEAD_ENGAGED, id, new LeadEngaged(id, null, Channel.SEARCH, null, Instant.now()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().get("/api/leads/{id}", id).then().statusCode(200).body("touches", equalTo(2)));
        assertThat(Lead.count("id", id)).isEqualTo(1);
        List<ConsumerRecord<String, String>> published = PipelineRecords.about(id, 1);
        assertThat(PipelineRecords.types(published)).containsExactly(EventTypes.LEAD_QUALIFIED.type());
    }

    @Test
    void aTouchOnAKnownLeadJoinsItsHistoryAndRaisesItsScoreButNotItsStage() {
        UUID id = UUID.randomUUID();
        TestLeads.bringIn(events, TestLeads.unpromising(id), PipelineStage.DISQUALIFIED);
        UUID campaign = UUID.randomUUID();
        events.publish(EventTypes.LEAD_ENGAGED, id, new LeadEngaged(id, campaign, Channel.SEARCH, null, Instant.now()));
        events.publish(EventTypes.LEAD_ENGAGED, id, new LeadEngaged(id, null, Channel.EMAIL, null, Instant.now()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().get("/api/leads/{id}", id).then().body("touches", equalTo(3)));
        JsonPath lead = given().get("/api/leads/{id}", id).then().extract().jsonPath();
        assertThat(lead.getInt("score")).as("5 plus 5 points per touch after the first").isEqualTo(15);
        assertThat(lead.getString("stage")).isEqualTo("DISQUALIFIED");
        assertThat(lead.getList("history.kind")).containsExactly("TOUCH", "MOVE", "TOUCH", "TOUCH");
        assertThat(lead.getString("history[2].channel")).isEqualTo("SEARCH");
        assertThat(lead.getString("history[2].campaignId")).isEqualTo(campaign.toString());
        // a touch is no move: still the one disqualification event
        assertThat(PipelineRecords.types(PipelineRecords.about(id, 1))).containsExactly(EventTypes.LEAD_DISQUALIFIED.type());
    }
}
