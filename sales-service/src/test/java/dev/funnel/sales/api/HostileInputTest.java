package dev.funnel.sales.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.funnel.contracts.pipeline.PipelineStage;
import dev.funnel.sales.FollowUp;
import dev.funnel.sales.HistoryEntry;
import dev.funnel.sales.Lead;
import dev.funnel.sales.Rep;
import dev.funnel.sales.TestLeads;
import dev.funnel.testing.EventProducer;
import dev.funnel.testing.FunnelInfrastructure;
import dev.funnel.testing.HostileRequests;
import dev.funnel.testing.HostileRequests.Endpoint;
import dev.funnel.testing.HostileRun;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand and more hostile requests to every endpoint of sales, sent as fast as the machine allows: none
 * is answered 5xx or shows a stack trace, a class name or SQL, every refusal is problem+json, the service stays
 * ready, and what is stored afterwards is what it said it accepted, nothing more.
 */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "sales"))
class HostileInputTest {

    private static final int REQUESTS = 10_200;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI root;

    private final List<String> leads = new ArrayList<>();
    private String rep;
    private String followUp;
    private JsonNode scoring;

    @Test
    void hostileRequestsAreRefusedCleanlyAndStoreNothingButWhatWasAccepted() {
        rep = TestLeads.addRep("Hostile Rep").toString();
        try (EventProducer events = new EventProducer(FunnelInfrastructure.bootstrapServers())) {
            for (int i = 0; i < 3; i++) {
                leads.add(TestLeads.bringIn(events, TestLeads.promising(UUID.randomUUID()), PipelineStage.QUALIFIED)
                        .toString());
            }
        }
        followUp = given().contentType(ContentType.JSON).body(followUp(new Random(1)).toString())
                .post("/api/leads/{id}/follow-ups", leads.getFirst()).then().statusCode(201).extract().path("id");
        scoring = JSON.valueToTree(given().get("/api/scoring").then().statusCode(200).extract().as(Map.class));

        HostileRequests hostile = new HostileRequests(20261124L);
        List<Endpoint> endpoints = List.of(
                new Endpoint("leads", "GET", "/api/leads", null, null, List.of("stage", "owner", "minScore", "page", "size")),
                new Endpoint("lead", "GET", "/api/leads/{id}", null, this::leadId, List.of()),
                new Endpoint("move", "POST", "/api/leads/{id}/transitions", HostileInputTest::transition, this::leadId,
                        List.of()),
                new Endpoint("schedule", "POST", "/api/leads/{id}/follow-ups", this::followUp, this::leadId, List.of()),
                new Endpoint("refer", "POST", "/api/leads/{id}/referrals", HostileInputTest::referral, this::leadId,
                        List.of()),
                new Endpoint("reps", "GET", "/api/reps", null, null, List.of()),
                new Endpoint("addRep", "POST", "/api/reps", HostileInputTest::newRep, null, List.of()),
                new Endpoint("changeRep", "PATCH", "/api/reps/{id}", HostileInputTest::repPatch, random -> rep, List.of()),
                new Endpoint("followUps", "GET", "/api/follow-ups", null, null,
                        List.of("dueBefore", "owner", "leadId", "status", "page", "size")),
                new Endpoint("followUp", "GET", "/api/follow-ups/{id}", null, random -> followUp, List.of()),
                new Endpoint("complete", "POST", "/api/follow-ups/{id}/complete", HostileInputTest::completion,
                        random -> followUp, List.of()),
                new Endpoint("scoring", "GET", "/api/scoring", null, null, List.of()),
                new Endpoint("rescore", "PUT", "/api/scoring", this::rules, null, List.of()));
        int[] weights = {6, 6, 15, 12, 8, 3, 10, 8, 6, 4, 7, 3, 12};
        List<HostileRequests.Request> requests = new ArrayList<>(REQUESTS);
        for (int i = 0; i < REQUESTS; i++) {
            requests.add(hostile.next(pick(endpoints, weights, hostile.random())));
        }
        Map<String, Long> before = stored();

        long started = System.nanoTime();
        List<HostileRun.Answer> answers = new HostileRun(root, "Bearer " + FunnelInfrastructure.everyRole())
                .send(requests, 16);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("sales hostile input: %d requests in %d ms, answers by status %s%n", answers.size(), millis,
                HostileRun.byStatus(answers));

        HostileRun.assertSafe(answers);
        given().get("/q/health/ready").then().statusCode(200);
        Map<String, Long> accepted = accepted(answers);
        assertThat(accepted).as("some requests of each kind that stores were accepted")
                .allSatisfy((table, count) -> assertThat(count).as(table).isPositive());
        Map<String, Long> after = stored();
        for (String table : before.keySet()) {
            assertThat(after.get(table)).as("%s: %d before, %d accepted", table, before.get(table),
                    accepted.getOrDefault(table, 0L)).isEqualTo(before.get(table) + accepted.getOrDefault(table, 0L));
        }
    }

    /** What the answers say was stored: reps added, follow-ups scheduled, moves made, rule sets replaced. */
    private static Map<String, Long> accepted(List<HostileRun.Answer> answers) {
        long reps = 0;
        long followUps = 0;
        long moves = 0;
        long rules = 0;
        for (HostileRun.Answer answer : answers) {
            switch (answer.request().endpoint().name()) {
                case "addRep" -> reps += answer.status() == 201 ? 1 : 0;
                case "schedule" -> followUps += answer.status() == 201 ? 1 : 0;
                case "move" -> moves += answer.status() == 200 ? 1 : 0;
                case "rescore" -> rules += answer.status() == 200 ? 1 : 0;
                default -> {
                }
            }
        }
        return Map.of("rep", reps, "follow_up", followUps, "lead_history", moves, "scoring version", rules);
    }

    /** Rows per table, the leads (which only Kafka brings), and the scoring rules' version. */
    private static Map<String, Long> stored() {
        Map<String, Long> rows = QuarkusTransaction.requiringNew().call(() -> Map.of("rep", Rep.count(),
                "follow_up", FollowUp.count(), "lead_history", HistoryEntry.count(), "lead", Lead.count()));
        long version = ((Number) given().get("/api/scoring").then().statusCode(200).extract().path("version")).longValue();
        return Map.of("rep", rows.get("rep"), "follow_up", rows.get("follow_up"), "lead_history",
                rows.get("lead_history"), "lead", rows.get("lead"), "scoring version", version);
    }

    private static Endpoint pick(List<Endpoint> endpoints, int[] weights, Random random) {
        int at = random.nextInt(Arrays.stream(weights).sum());
        for (int i = 0; i < weights.length; i++) {
            at -= weights[i];
            if (at < 0) {
                return endpoints.get(i);
            }
        }
        throw new IllegalStateException();
    }

    private String leadId(Random random) {
        return leads.get(random.nextInt(leads.size()));
    }

    /** Moves along the open stages only: a won lead would refer to marketing, which is not running here. */
    private static ObjectNode transition(Random random) {
        return HostileRequests.object().put("to", List.of("CONTACTED", "PROPOSAL", "NEGOTIATION").get(random.nextInt(3)))
                .put("note", "Intro call, wants a proposal").put("by", "dana");
    }

    private ObjectNode followUp(Random random) {
        ObjectNode followUp = HostileRequests.object().put("kind", List.of("CALL", "EMAIL", "MEETING").get(random.nextInt(3)))
                .put("dueAt", "2026-12-0" + (1 + random.nextInt(9)) + "T14:00:00Z").put("note", "Walk through the proposal")
                .put("by", "dana");
        if (random.nextBoolean() && rep != null) {
            followUp.put("ownerId", rep);
        }
        return followUp;
    }

    /** The leads here are not won, so a valid referral is refused 409 after every check of its fields. */
    private static ObjectNode referral(Random random) {
        return HostileRequests.object().put("email", "lin+" + random.nextInt(1_000_000) + "@example.com")
                .put("firstName", "Lin").put("lastName", "Okafor").put("company", "Okafor Freight").put("by", "dana");
    }

    private static ObjectNode newRep(Random random) {
        return HostileRequests.object().put("name", "Rep " + random.nextInt(1_000_000))
                .put("email", "rep" + random.nextInt(1_000_000) + "@example.com").put("active", true);
    }

    private static ObjectNode repPatch(Random random) {
        return HostileRequests.object().put("name", "Dana " + random.nextInt(1000)).put("active", true);
    }

    private static ObjectNode completion(Random random) {
        return HostileRequests.object().put("outcome", "Booked a demo").put("by", "dana");
    }

    /** The rules as they stood, without their version (so each is taken as it comes) and with who changed them. */
    private ObjectNode rules(Random random) {
        ObjectNode rules = (ObjectNode) scoring.deepCopy();
        rules.remove(List.of("version", "updatedAt", "updatedBy", "leadsScored"));
        return rules.put("by", "ops");
    }
}
