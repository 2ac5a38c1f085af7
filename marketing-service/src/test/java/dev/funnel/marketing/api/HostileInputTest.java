package dev.funnel.marketing.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.funnel.marketing.AwarenessHour;
import dev.funnel.marketing.Campaign;
import dev.funnel.marketing.Lead;
import dev.funnel.marketing.Spend;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand and more hostile requests to the intake and campaign endpoints, sent as fast as the machine
 * allows: none is answered 5xx or shows a stack trace, a class name or SQL, every refusal is problem+json, the
 * service stays ready, and what is stored afterwards is what it said it accepted, nothing more.
 */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "marketing"))
class HostileInputTest {

    private static final int REQUESTS = 10_200;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The endpoints that take an Idempotency-Key; the others ignore it. */
    private static final Set<String> CREATING = Set.of("capture", "batch", "awareness", "launch", "spend");

    @TestHTTPResource("/")
    URI root;

    private final List<String> campaigns = new ArrayList<>();
    private String lead;

    @BeforeEach
    void someCampaignsAndALead() {
        for (String name : List.of("Hostile search", "Hostile social", "Hostile events")) {
            campaigns.add(given().contentType(ContentType.JSON).body(campaign(new Random(name.hashCode())).toString())
                    .post("/api/campaigns").then().statusCode(201).extract().path("id"));
        }
        lead = given().contentType(ContentType.JSON).body(lead(new Random(7)).toString())
                .post("/api/leads").then().statusCode(201).extract().path("id");
    }

    @Test
    void hostileRequestsAreRefusedCleanlyAndStoreNothingButWhatWasAccepted() {
        HostileRequests hostile = new HostileRequests(20261123L);
        List<Endpoint> intake = List.of(
                new Endpoint("capture", "POST", "/api/leads", this::lead, null, List.of()),
                new Endpoint("batch", "POST", "/api/leads/batch", this::batch, null, List.of()),
                new Endpoint("awareness", "POST", "/api/awareness", this::awareness, null, List.of()),
                new Endpoint("launch", "POST", "/api/campaigns", HostileInputTest::campaign, null, List.of()),
                new Endpoint("list", "GET", "/api/campaigns", null, null, List.of("page", "size")),
                new Endpoint("read", "GET", "/api/campaigns/{id}", null, this::campaignId, List.of()),
                new Endpoint("change", "PATCH", "/api/campaigns/{id}", HostileInputTest::patch, this::campaignId,
                        List.of()),
                new Endpoint("spend", "POST", "/api/campaigns/{id}/spend", HostileInputTest::spend, this::campaignId,
                        List.of()),
                new Endpoint("lead", "GET", "/api/leads/{id}", null, random -> lead, List.of()));
        // intake, the busiest door, gets most of the traffic
        int[] weights = {30, 15, 15, 10, 5, 5, 8, 7, 5};
        List<HostileRequests.Request> requests = new ArrayList<>(REQUESTS);
        for (int i = 0; i < REQUESTS; i++) {
            requests.add(hostile.next(pick(intake, weights, hostile.random())));
        }
        Map<String, Long> before = stored();

        long started = System.nanoTime();
        List<HostileRun.Answer> answers = new HostileRun(root, "Bearer " + FunnelInfrastructure.everyRole())
                .send(requests, 16);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("marketing hostile input: %d requests in %d ms, answers by status %s%n", answers.size(),
                millis, HostileRun.byStatus(answers));

        HostileRun.assertSafe(answers);
        given().get("/q/health/ready").then().statusCode(200);
        Map<String, Long> accepted = accepted(answers);
        assertThat(accepted).as("some requests of each kind were accepted, so the count below means something")
                .allSatisfy((table, count) -> assertThat(count).as(table).isPositive());
        Map<String, Long> after = stored();
        for (String table : before.keySet()) {
            assertThat(after.get(table)).as("%s rows: %d before, %d accepted", table, before.get(table),
                    accepted.get(table)).isEqualTo(before.get(table) + accepted.get(table));
        }
    }

    /**
     * What the answers say was stored: leads created, campaigns launched, spend recorded, awareness hours. A
     * request repeating an Idempotency-Key (and its body) is answered as the first was but stores nothing again.
     */
    private static Map<String, Long> accepted(List<HostileRun.Answer> answers) {
        long leads = 0;
        long campaigns = 0;
        long spend = 0;
        long awareness = 0;
        Set<String> keys = new HashSet<>();
        for (HostileRun.Answer answer : answers) {
            String key = answer.request().headers().get("Idempotency-Key");
            // an empty header is no header: HTTP servers drop it, so such requests are each new
            if (answer.status() / 100 == 2 && key != null && !key.isBlank()
                    && CREATING.contains(answer.request().endpoint().name()) && !keys.add(key)) {
                continue;
            }
            switch (answer.request().endpoint().name()) {
                case "capture" -> leads += answer.status() == 201 ? 1 : 0;
                case "batch" -> leads += answer.status() == 200 ? created(answer.body()) : 0;
                case "awareness" -> awareness += answer.status() == 202 ? 1 : 0; // one entry, so one hour
                case "launch" -> campaigns += answer.status() == 201 ? 1 : 0;
                case "spend" -> spend += answer.status() == 201 ? 1 : 0;
                default -> {
                }
            }
        }
        return Map.of("lead", leads, "campaign", campaigns, "spend", spend, "awareness_hour", awareness);
    }

    private static long created(String batchAnswer) {
        try {
            long created = 0;
            for (JsonNode result : JSON.readTree(batchAnswer).path("results")) {
                created += "created".equals(result.path("outcome").asText()) ? 1 : 0;
            }
            return created;
        } catch (Exception e) {
            throw new AssertionError("a batch answer that is not JSON: " + batchAnswer, e);
        }
    }

    private static Map<String, Long> stored() {
        return QuarkusTransaction.requiringNew().call(() -> Map.of("lead", Lead.count(), "campaign", Campaign.count(),
                "spend", Spend.count(), "awareness_hour", AwarenessHour.count()));
    }

    private static Endpoint pick(List<Endpoint> endpoints, int[] weights, Random random) {
        int total = java.util.Arrays.stream(weights).sum();
        int at = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            at -= weights[i];
            if (at < 0) {
                return endpoints.get(i);
            }
        }
        throw new IllegalStateException();
    }

    private String campaignId(Random random) {
        return campaigns.get(random.nextInt(campaigns.size()));
    }

    /** A lead with every field, its email new, its campaign named by id or by UTM. */
    private ObjectNode lead(Random random) {
        ObjectNode lead = HostileRequests.object()
                .put("email", "hostile+" + Long.toHexString(random.nextLong()) + "@example.com")
                .put("firstName", "Ada").put("lastName", "Lovelace").put("company", "Analytical Engines")
                .put("jobTitle", "Head of Engineering").put("phone", "+44 20 7946 0000").put("country", "GB")
                .put("companySize", 120).put("budget", 25000).put("currency", "USD").put("timeline", "QUARTER");
        if (random.nextBoolean() && !campaigns.isEmpty()) {
            lead.put("campaignId", campaignId(random));
        }
        lead.set("utm", HostileRequests.object().put("source", "google").put("medium", "cpc")
                .put("campaign", "Hostile search").put("term", "funnel"));
        lead.set("consent", HostileRequests.object().put("marketing", true));
        lead.set("attributes", HostileRequests.object().put("form", "demo-request"));
        return lead;
    }

    private ArrayNode batch(Random random) {
        ArrayNode batch = HostileRequests.array();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            batch.add(lead(random));
        }
        return batch;
    }

    /** One entry: a request's entries all in one hour would be one row too, but a broken one may move hours. */
    private ArrayNode awareness(Random random) {
        return HostileRequests.array().add(HostileRequests.object().put("campaignId", campaignId(random))
                .put("kind", List.of("IMPRESSION", "CLICK", "VISIT").get(random.nextInt(3)))
                .put("count", 1 + random.nextInt(1000)).put("occurredAt", "2026-03-02T09:00:00Z"));
    }

    private static ObjectNode campaign(Random random) {
        return HostileRequests.object().put("name", "Hostile campaign " + random.nextInt(1000)).put("channel", "SEARCH")
                .put("budget", 12000).put("currency", "USD").put("startsOn", "2026-03-01").put("endsOn", "2026-05-31");
    }

    private static ObjectNode patch(Random random) {
        return HostileRequests.object().put("name", "Renamed " + random.nextInt(1000)).put("budget", 15000)
                .put("status", "ACTIVE");
    }

    private static ObjectNode spend(Random random) {
        return HostileRequests.object().put("amount", 420.5).put("currency", "USD").put("spentOn", "2026-03-02");
    }
}
