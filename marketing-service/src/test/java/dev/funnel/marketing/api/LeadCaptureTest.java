package dev.funnel.marketing.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.EventSource;
import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.Topics;
import dev.funnel.testing.ContractSchemas;
import dev.funnel.testing.FunnelInfrastructure;
import dev.funnel.testing.TopicRecords;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "marketing"))
class LeadCaptureTest {

    private static String lead(String email) {
        return """
                {"email": "%s", "firstName": "Ada", "lastName": "Lovelace", "company": "Analytical Engines",
                 "jobTitle": "CTO", "country": "GB", "companySize": 40, "budget": 25000, "timeline": "QUARTER",
                 "utm": {"source": "newsletter", "campaign": "spring-launch"}, "consent": {"marketing": true},
                 "attributes": {"form": "demo-request"}}""".formatted(email);
    }

    private static String uniqueEmail() {
        return "ada+" + UUID.randomUUID() + "@example.com";
    }

    private static Response post(String body, String idempotencyKey) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/leads");
    }

    private static List<ConsumerRecord<String, String>> eventsOf(UUID leadId, int expected) {
        return TopicRecords.await(FunnelInfrastructure.bootstrapServers(), Topics.MARKETING_LEADS,
                TopicRecords.keyed(leadId), expected, Duration.ofSeconds(15));
    }

    @Test
    void newLeadIsStoredAndPublishedAsLeadGeneratedCloudEvent() {
        String email = uniqueEmail();
        UUID id = UUID.fromString(post(lead("  " + email.toUpperCase() + " "), null).then()
                .statusCode(201)
                .body("outcome", equalTo("created"))
                .extract().path("id"));

        given().get("/api/leads/{id}", id).then()
                .statusCode(200)
                .body("email", equalTo(email))   // trimmed and lower-cased
                .body("channel", equalTo("OTHER"))
                .body("utm.campaign", equalTo("spring-launch"));

        List<ConsumerRecord<String, String>> events = eventsOf(id, 1);
        assertThat(events).hasSize(1);
        ConsumerRecord<String, String> record = events.get(0);
        CloudEvent event = TopicRecords.cloudEvent(record);
        assertThat(event.type()).isEqualTo(EventTypes.LEAD_GENERATED.type());
        assertThat(event.source()).isEqualTo(EventSource.MARKETING);
        assertThat(event.subject()).isEqualTo(id.toString());
        assertThat(TopicRecords.header(record, CloudEvent.HEADER_CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(ContractSchemas.violations(EventTypes.LEAD_GENERATED, record.value())).isEmpty();
        assertThat(record.value()).contains("\"email\":\"" + email + "\"").contains("\"leadId\":\"" + id + "\"");
    }

    @Test
    void everyPostedFieldIsStoredAsPostedAndTheEventTellsTheStoredTime() {
        String referrer = post(lead(uniqueEmail()), null).then().statusCode(201).extract().path("id");
        String campaign = given().contentType(ContentType.JSON).body("""
                {"name": "stored-fields-%s", "channel": "SOCIAL", "budget": 500, "currency": "USD",
                 "startsOn": "2026-03-01"}""".formatted(UUID.randomUUID())).post("/api/campaigns")
                .then().statusCode(201).extract().path("id");
        String email = uniqueEmail();
        UUID id = UUID.fromString(post("""
                {"email": "%s", "firstName": "Grace", "lastName": "O'Hopper", "company": "Navy, \\\"Harvard\\\"",
                 "jobTitle": "Rear Admiral", "phone": "+1 (555) 010-2030", "country": "US", "companySize": 7,
                 "budget": 1234567.89, "currency": "USD", "timeline": "YEAR", "campaignId": "%s",
                 "utm": {"source": "s", "medium": "m", "campaign": "c", "term": "t", "content": "x"},
                 "consent": {"marketing": false}, "attributes": {"form": "a,b", "note": "{\\\"quoted\\\"}"},
                 "referredBy": "%s"}""".formatted(email, campaign, referrer), null)
                .then().statusCode(201).extract().path("id"));

        Response stored = given().get("/api/leads/{id}", id);
        stored.then().statusCode(200)
                .body("email", equalTo(email)).body("firstName", equalTo("Grace")).body("lastName", equalTo("O'Hopper"))
                .body("company", equalTo("Navy, \"Harvard\"")).body("jobTitle", equalTo("Rear Admiral"))
                .body("phone", equalTo("+1 (555) 010-2030")).body("country", equalTo("US"))
                .body("companySize", equalTo(7)).body("currency", equalTo("USD"))
                .body("timeline", equalTo("YEAR")).body("campaignId", equalTo(campaign)).body("channel", equalTo("SOCIAL"))
                .body("utm.source", equalTo("s")).body("utm.medium", equalTo("m")).body("utm.campaign", equalTo("c"))
                .body("utm.term", equalTo("t")).body("utm.content", equalTo("x"))
                .body("marketingConsent", equalTo(false))
                .body("attributes.form", equalTo("a,b")).body("attributes.note", equalTo("{\"quoted\"}"))
                .body("referredBy", equalTo(referrer)).body("erasedAt", nullValue());
        assertThat(stored.asString()).contains("\"budget\":1234567.89"); // to the cent, not as a float
        String storedAt = stored.path("createdAt");
        CloudEvent event = TopicRecords.cloudEvent(eventsOf(id, 1).get(0));
        assertThat(Instant.parse(storedAt)).isEqualTo(event.time());
    }

    @Test
    void absentFieldsAreStoredAsAbsent() {
        UUID id = UUID.fromString(post("{\"email\": \"" + uniqueEmail() + "\", \"utm\": {\"campaign\": \"bare\"}}", null)
                .then().statusCode(201).extract().path("id"));
        given().get("/api/leads/{id}", id).then().statusCode(200)
                .body("firstName", nullValue()).body("companySize", nullValue()).body("budget", nullValue())
                .body("currency", nullValue()).body("timeline", nullValue()).body("campaignId", nullValue())
                .body("utm.source", nullValue()).body("utm.campaign", equalTo("bare"))
                .body("marketingConsent", nullValue()).body("attributes", nullValue()).body("referredBy", nullValue())
                .body("channel", equalTo("OTHER"));
    }

    @Test
    void knownEmailRecordsATouchInsteadOfANewLead() {
        String email = uniqueEmail();
        String first = post(lead(email), null).then().statusCode(201).extract().path("id");
        post(lead(email.toUpperCase()), null).then()
                .statusCode(200)
                .body("id", equalTo(first))
                .body("outcome", equalTo("duplicate"));

        List<ConsumerRecord<String, String>> events = eventsOf(UUID.fromString(first), 2);
        assertThat(events).extracting(r -> TopicRecords.cloudEvent(r).type())
                .containsExactly(EventTypes.LEAD_GENERATED.type(), EventTypes.LEAD_ENGAGED.type());
        assertThat(ContractSchemas.violations(EventTypes.LEAD_ENGAGED, events.get(1).value())).isEmpty();
    }

    @Test
    void retriedPostWithTheSameIdempotencyKeyGetsTheFirstAnswerAndPublishesOnce() {
        String key = UUID.randomUUID().toString();
        String body = lead(uniqueEmail());
        Response first = post(body, key);
        first.then().statusCode(201);
        Response retry = post(body, key);
        retry.then().statusCode(201);
        assertThat(retry.asString()).isEqualTo(first.asString());

        UUID id = UUID.fromString(first.path("id"));
        assertThat(eventsOf(id, 1)).hasSize(1);
    }

    @Test
    void sameIdempotencyKeyWithAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        post(lead(uniqueEmail()), key).then().statusCode(201);
        post(lead(uniqueEmail()), key).then()
                .statusCode(422)
                .body("errors.field", hasItem("Idempotency-Key"));
    }

    @Test
    void invalidFieldsAreNamedInA422Problem() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"email": "not-an-email", "country": "Britain", "budget": -5, "companySize": 0,
                         "utm": {"campaign": "x"}}""")
                .post("/api/leads")
                .then()
                .statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(422))
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("country"))
                .body("errors.field", hasItem("budget"))
                .body("errors.field", hasItem("companySize"));
    }

    @Test
    void unknownEnumValueIsA422NamingTheField() {
        given().contentType(ContentType.JSON)
                .body("{\"email\": \"a@example.com\", \"timeline\": \"SOMEDAY\", \"utm\": {\"campaign\": \"x\"}}")
                .post("/api/leads")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("timeline"));
    }

    @Test
    void leadWithoutCampaignOrUtmIsRefused() {
        given().contentType(ContentType.JSON)
                .body("{\"email\": \"" + uniqueEmail() + "\"}")
                .post("/api/leads")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("campaignId"));
    }

    @Test
    void otherCurrencyThanTheDeploymentsIsRefused() {
        given().contentType(ContentType.JSON)
                .body("{\"email\": \"" + uniqueEmail() + "\", \"budget\": 10, \"currency\": \"EUR\", \"utm\": {\"campaign\": \"x\"}}")
                .post("/api/leads")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("currency"));
    }

    @Test
    void malformedJsonIsA400Problem() {
        given().contentType(ContentType.JSON)
                .body("{\"email\": ")
                .post("/api/leads")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void unknownLeadIsA404Problem() {
        given().get("/api/leads/{id}", UUID.randomUUID()).then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }
}
