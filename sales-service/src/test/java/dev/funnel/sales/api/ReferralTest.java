package dev.funnel.sales.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.funnel.contracts.pipeline.PipelineStage;
import dev.funnel.sales.TestLeads;
import dev.funnel.testing.EventProducer;
import dev.funnel.testing.FunnelInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "sales"))
@QuarkusTestResource(value = MarketingStub.class, restrictToAnnotatedClass = true)
class ReferralTest {

    private static EventProducer events;

    @BeforeAll
    static void connect() {
        events = new EventProducer(FunnelInfrastructure.bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    private static UUID wonCustomer() {
        UUID id = TestLeads.bringIn(events, TestLeads.promising(UUID.randomUUID()), PipelineStage.QUALIFIED);
        TestLeads.toNegotiation(id);
        TestLeads.move(id, Map.of("to", "WON", "amount", 5000)).statusCode(200);
        return id;
    }

    @Test
    void aWonCustomerIsRecordedAsTheSourceOfAReferralLeadPostedToMarketing() {
        UUID customer = wonCustomer();

        String referred = given().contentType(ContentType.JSON).header("Idempotency-Key", "ref-" + customer)
                .body(Map.of("email", "friend@example.com", "firstName", "Alan", "company", "Bletchley"))
                .post("/api/leads/{id}/referrals", customer).then()
                .statusCode(201)
                .body("referredBy", equalTo(customer.toString()))
                .extract().path("leadId");

        MarketingStub.Received sent = MarketingStub.RECEIVED.stream()
                .filter(r -> r.body().contains(customer.toString())).findFirst().orElseThrow();
        JsonPath body = new JsonPath(sent.body());
        assertThat(sent.path()).isEqualTo("/api/leads");
        assertThat(sent.idempotencyKey()).isEqualTo("ref-" + customer);
        assertThat(body.getString("email")).isEqualTo("friend@example.com");
        assertThat(body.getString("firstName")).isEqualTo("Alan");
        assertThat(body.getString("company")).isEqualTo("Bletchley");
        assertThat(body.getString("referredBy")).isEqualTo(customer.toString());
        assertThat(body.getString("utm.source")).isEqualTo("referral");
        assertThat(body.getString("attributes.referredBy")).isEqualTo(customer.toString());
        given().get("/api/leads/{id}", customer).then()
                .body("history.find { it.kind == 'REFERRAL' }.referredLeadId", equalTo(referred));
    }

    @Test
    void onlyAWonCustomerCanRefer() {
        UUID lead = TestLeads.bringIn(events, TestLeads.promising(UUID.randomUUID()), PipelineStage.QUALIFIED);
        int before = MarketingStub.RECEIVED.size();

        given().contentType(ContentType.JSON).body(Map.of("email", "friend@example.com"))
                .post("/api/leads/{id}/referrals", lead).then()
                .statusCode(409).contentType(startsWith("application/problem+json"));
        given().contentType(ContentType.JSON).body(Map.of("email", "friend@example.com"))
                .post("/api/leads/{id}/referrals", UUID.randomUUID()).then().statusCode(404);
        assertThat(MarketingStub.RECEIVED).hasSize(before);
    }

    @Test
    void aReferralMarketingRefusesIsA422WithMarketingsReason() {
        UUID customer = wonCustomer();

        given().contentType(ContentType.JSON).body(Map.of("email", "not-an-email"))
                .post("/api/leads/{id}/referrals", customer).then()
                .statusCode(422).body("errors[0].field", equalTo("email"));
        given().contentType(ContentType.JSON).body(Map.of("email", "refuse@example.com"))
                .post("/api/leads/{id}/referrals", customer).then()
                .statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].message", equalTo("is refused"));
        given().get("/api/leads/{id}", customer).then()
                .body("history.findAll { it.kind == 'REFERRAL' }.size()", equalTo(0));
    }

    @Test
    void marketingAwayIsA503WithRetryAfterAndNothingIsRecorded() {
        UUID customer = wonCustomer();

        given().contentType(ContentType.JSON).body(Map.of("email", "unavailable@example.com"))
                .post("/api/leads/{id}/referrals", customer).then()
                .statusCode(503)
                .header("Retry-After", "5")
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("marketing-service answered 503"));
        given().get("/api/leads/{id}", customer).then()
                .body("history.findAll { it.kind == 'REFERRAL' }.size()", equalTo(0));
    }
}
