package dev.funnel.sales;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.funnel.contracts.Channel;
import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.lead.LeadGenerated;
import dev.funnel.contracts.lead.Timeline;
import dev.funnel.contracts.pipeline.PipelineStage;
import dev.funnel.testing.EventProducer;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/** Leads for tests, brought in the way marketing brings them: as events on {@code marketing.leads}. */
public final class TestLeads {

    private TestLeads() {
    }

    /**
     * A lead the default rules score 70 (size 5000: 20, budget 90,000: 20, timeline NOW: 20, channel EVENT: 10;
     * "Rear Admiral" matches no seniority keyword), so it qualifies at the default threshold of 50.
     */
    public static LeadGenerated promising(UUID id) {
        return new LeadGenerated(id, "grace+" + id + "@example.com", "Grace", "Hopper", "Navy", "Rear Admiral",
                "+1 555 0100", "US", 5000, new BigDecimal("90000"), "USD", Timeline.NOW, UUID.randomUUID(),
                Channel.EVENT, null, true, Map.of("form", "booth"), null, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    /** A lead the default rules score 5 (size 10: 5, nothing else), so it is disqualified. */
    public static LeadGenerated unpromising(UUID id) {
        return new LeadGenerated(id, "sam+" + id + "@example.com", "Sam", "Small", "Tiny Ltd", "Intern", null, "GB",
                10, null, null, Timeline.UNKNOWN, null, Channel.OTHER, null, false, null, null,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    /** Publishes the lead and waits until sales has it at {@code stage}. */
    public static UUID bringIn(EventProducer events, LeadGenerated lead, PipelineStage stage) {
        events.publish(EventTypes.LEAD_GENERATED, lead.leadId(), lead);
        awaitStage(lead.leadId(), stage);
        return lead.leadId();
    }

    public static void awaitStage(UUID id, PipelineStage stage) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().get("/api/leads/{id}", id).then().statusCode(200).body("stage", equalTo(stage.name())));
    }

    /** Posts a transition; the caller checks the answer. */
    public static ValidatableResponse move(UUID id, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/leads/{id}/transitions", id).then();
    }

    /** Moves a qualified lead along the pipeline to NEGOTIATION. */
    public static void toNegotiation(UUID id) {
        for (String stage : new String[] {"CONTACTED", "PROPOSAL", "NEGOTIATION"}) {
            move(id, Map.of("to", stage)).statusCode(200).body("stage", equalTo(stage));
        }
    }

    /** Adds an active rep and returns its id. */
    public static UUID addRep(String name) {
        return UUID.fromString(given().contentType(ContentType.JSON).body(Map.of("name", name))
                .post("/api/reps").then().statusCode(201).extract().path("id"));
    }
}
