package dev.funnel.sales.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.funnel.contracts.pipeline.PipelineStage;
import dev.funnel.sales.TestLeads;
import dev.funnel.sales.api.MarketingStub;
import dev.funnel.testing.AccessWalk;
import dev.funnel.testing.AccessWalk.Call;
import dev.funnel.testing.EventProducer;
import dev.funnel.testing.FunnelInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may call what: every operation of the OpenAPI document, called with no token, an expired one, one signed by
 * another key, a malformed one, and a token for each role alone: the admitted roles succeed, every other caller is
 * refused. Referrals go to a stand-in for marketing, as in ReferralTest. The rules below are the README's table.
 */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "sales"))
@QuarkusTestResource(value = MarketingStub.class, restrictToAnnotatedClass = true)
class AccessTest {

    private static final Set<String> SALES = Set.of("sales");
    private static final Map<String, Set<String>> ADMITTED = Map.ofEntries(
            Map.entry("GET /api/leads", SALES),
            Map.entry("GET /api/leads/{id}", SALES),
            Map.entry("POST /api/leads/{id}/transitions", SALES),
            Map.entry("POST /api/leads/{id}/follow-ups", SALES),
            Map.entry("POST /api/leads/{id}/referrals", SALES),
            Map.entry("GET /api/follow-ups", SALES),
            Map.entry("GET /api/follow-ups/{id}", SALES),
            Map.entry("POST /api/follow-ups/{id}/complete", SALES),
            Map.entry("GET /api/reps", SALES),
            Map.entry("POST /api/reps", SALES),
            Map.entry("PATCH /api/reps/{id}", SALES),
            Map.entry("GET /api/scoring", Set.of("sales", "admin")),
            Map.entry("PUT /api/scoring", Set.of("admin")));

    @TestHTTPResource("/")
    URL root;

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
    void everyOperationAdmitsItsRolesAndRefusesEveryoneElse() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode rules = (ObjectNode) json.readTree(given().get("/api/scoring").then().statusCode(200).extract().asString());
        var document = json.readTree(given().queryParam("format", "json").get("/q/openapi").asString());
        UUID lead = TestLeads.bringIn(events, TestLeads.promising(UUID.randomUUID()), PipelineStage.QUALIFIED);
        UUID customer = TestLeads.bringIn(events, TestLeads.promising(UUID.randomUUID()), PipelineStage.QUALIFIED);
        TestLeads.toNegotiation(customer);
        TestLeads.move(customer, Map.of("to", "WON", "amount", 5000)).statusCode(200);
        String followUp = given().contentType(ContentType.JSON)
                .body(Map.of("kind", "CALL", "dueAt", "2026-03-09T14:00:00Z"))
                .post("/api/leads/{id}/follow-ups", lead).then().statusCode(201).extract().path("id");
        UUID rep = TestLeads.addRep("Access walk");

        Map<String, Call> calls = Map.ofEntries(
                Map.entry("GET /api/leads/{id}", Call.to("/api/leads/" + lead)),
                Map.entry("POST /api/leads/{id}/transitions", Call.to("/api/leads/" + lead + "/transitions")),
                Map.entry("POST /api/leads/{id}/follow-ups", Call.to("/api/leads/" + lead + "/follow-ups")),
                Map.entry("POST /api/leads/{id}/referrals", Call.to("/api/leads/" + customer + "/referrals")
                        .with("{\"email\": \"walk-%s@example.com\"}".formatted(UUID.randomUUID()))),
                Map.entry("GET /api/follow-ups/{id}", Call.to("/api/follow-ups/" + followUp)),
                Map.entry("POST /api/follow-ups/{id}/complete", Call.to("/api/follow-ups/" + followUp + "/complete")),
                Map.entry("POST /api/reps", Call.to("/api/reps")
                        .with("{\"name\": \"Walk\", \"email\": \"walk-%s@example.com\"}".formatted(UUID.randomUUID()))),
                Map.entry("PATCH /api/reps/{id}", Call.to("/api/reps/" + rep)),
                Map.entry("PUT /api/scoring", Call.to("/api/scoring").with(rules.toString())));

        AccessWalk.Result result;
        try {
            result = AccessWalk.walk(root.toURI(), document, FunnelInfrastructure.tokens(), ADMITTED, calls);
        } finally {
            restore(json, rules);
        }

        assertThat(result.failures()).isEmpty();
        assertThat(result.operations()).isEqualTo(ADMITTED.size());
    }

    /** The admin's PUT of the document's example may have replaced the rules: put back the ones other tests expect. */
    private static void restore(ObjectMapper json, ObjectNode rules) throws Exception {
        long version = json.readTree(given().get("/api/scoring").asString()).path("version").asLong();
        if (version != rules.path("version").asLong()) {
            rules.put("version", version);
            given().contentType(ContentType.JSON).body(rules.toString()).put("/api/scoring").then().statusCode(200);
        }
    }
}
