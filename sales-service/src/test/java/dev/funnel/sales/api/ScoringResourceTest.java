package dev.funnel.sales.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.funnel.contracts.Channel;
import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.lead.Timeline;
import dev.funnel.contracts.pipeline.LeadQualified;
import dev.funnel.contracts.pipeline.PipelineStage;
import dev.funnel.sales.Lead;
import dev.funnel.sales.PipelineRecords;
import dev.funnel.sales.TestLeads;
import dev.funnel.testing.EventProducer;
import dev.funnel.testing.FunnelInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "sales"))
class ScoringResourceTest {

    private static EventProducer events;
    private Map<String, Object> original;

    @BeforeAll
    static void connect() {
        events = new EventProducer(FunnelInfrastructure.bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    @BeforeEach
    void rememberTheRules() {
        original = given().get("/api/scoring").then().statusCode(200).extract().jsonPath().getMap("$");
    }

    /** Other test classes rely on the seeded rules. */
    @AfterEach
    void restoreTheRules() {
        Map<String, Object> body = new HashMap<>(original);
        body.remove("version");
        given().contentType(ContentType.JSON).body(body).put("/api/scoring").then().statusCode(200);
    }

    private Map<String, Object> rulesWith(String field, Object value) {
        Map<String, Object> body = new HashMap<>(original);
        body.remove("updatedAt");
        body.remove("updatedBy");
        body.put(field, value);
        return body;
    }

    @Test
    void theSeededRulesAreReadable() {
        given().get("/api/scoring").then().statusCode(200)
                .body("threshold", equalTo(50))
                .body("timeline.NOW", equalTo(20))
                .body("channel.REFERRAL", equalTo(15))
                .body("engagement.pointsPerTouch", equalTo(5))
                .body("seniority.find { it.keyword == 'director' }.points", equalTo(15))
                .body("companySize.find { it.atLeast == 1000 }.points", equalTo(20));
    }

    @Test
    void changedRulesScoreWaitingNewLeadsButLeaveDecidedOnesAlone() {
        UUID decided = TestLeads.bringIn(events, TestLeads.unpromising(UUID.randomUUID()), PipelineStage.DISQUALIFIED);
        UUID waiting = UUID.randomUUID();
        // a lead from before scoring existed: at NEW, never scored
        QuarkusTransaction.requiringNew().run(() -> {
            Lead lead = new Lead();
            lead.id = waiting;
            lead.email = "legacy+" + waiting + "@example.com";
            lead.channel = Channel.OTHER;
            lead.timeline = Timeline.UNKNOWN;
            lead.companySize = 10;
            lead.stage = PipelineStage.NEW;
            lead.touches = 1;
            lead.createdAt = Instant.now();
            lead.receivedAt = Instant.now();
            lead.persist();
        });

        // size 10 gives 5 points: a threshold of 5 qualifies both leads' scores
        given().contentType(ContentType.JSON).body(rulesWith("threshold", 5)).put("/api/scoring").then()
                .statusCode(200)
                .body("threshold", equalTo(5))
                .body("version", equalTo(((Number) original.get("version")).intValue() + 1))
                .body("leadsScored", org.hamcrest.Matchers.greaterThanOrEqualTo(1));

        given().get("/api/leads/{id}", waiting).then()
                .body("stage", equalTo("QUALIFIED"))
                .body("score", equalTo(5))
                .body("threshold", equalTo(5));
        given().get("/api/leads/{id}", decided).then()
                .body("stage", equalTo("DISQUALIFIED"))
                .body("threshold", equalTo(50));
        List<ConsumerRecord<String, String>> published = PipelineRecords.about(waiting, 1);
        assertThat(published).hasSize(1);
        LeadQualified qualified = PipelineRecords.payload(published.get(0), EventTypes.LEAD_QUALIFIED);
        assertThat(qualified.fromStage()).isEqualTo(PipelineStage.NEW);
        assertThat(qualified.score()).isEqualTo(5);
        assertThat(qualified.threshold()).isEqualTo(5);
        assertThat(qualified.by()).isEqualTo("scoring");
    }

    @Test
    void aChangeBasedOnAStaleVersionIsA409() {
        Map<String, Object> stale = rulesWith("threshold", 60);
        stale.put("version", ((Number) original.get("version")).longValue() - 1);
        given().contentType(ContentType.JSON).body(stale).put("/api/scoring").then()
                .statusCode(409).contentType(startsWith("application/problem+json"));
        given().get("/api/scoring").then().body("threshold", equalTo(50));
    }

    @Test
    void badRulesAreRefusedNamingTheField() {
        given().contentType(ContentType.JSON).body(rulesWith("threshold", null)).put("/api/scoring").then()
                .statusCode(422).body("errors[0].field", equalTo("threshold"));
        given().contentType(ContentType.JSON).body(rulesWith("threshold", -1)).put("/api/scoring").then()
                .statusCode(422).body("errors[0].field", equalTo("threshold"));
        given().contentType(ContentType.JSON).body(rulesWith("seniority", List.of(Map.of("keyword", " ", "points", 5))))
                .put("/api/scoring").then()
                .statusCode(422).body("errors[0].field", equalTo("seniority[0].keyword"));
        given().contentType(ContentType.JSON).body(rulesWith("timeline", Map.of("SOMEDAY", 5))).put("/api/scoring")
                .then().statusCode(422).body("errors[0].field", startsWith("timeline"));
        given().contentType(ContentType.JSON).body(rulesWith("channel", Map.of("EVENT", 5000))).put("/api/scoring")
                .then().statusCode(422).body("errors[0].field", startsWith("channel"));
        given().get("/api/scoring").then().body("version", equalTo(((Number) original.get("version")).intValue()));
    }
}
