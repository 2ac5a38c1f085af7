package dev.funnel.marketing.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.Topics;
import dev.funnel.testing.ContractSchemas;
import dev.funnel.testing.FunnelInfrastructure;
import dev.funnel.testing.TopicRecords;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "marketing"))
class CampaignTest {

    private static String campaign(String name) {
        return """
                {"name": "%s", "channel": "SEARCH", "budget": 12000, "currency": "USD",
                 "startsOn": "2026-03-01", "endsOn": "2026-05-31"}""".formatted(name);
    }

    private static UUID launch(String name) {
        return UUID.fromString(given().contentType(ContentType.JSON).body(campaign(name)).post("/api/campaigns")
                .then().statusCode(201).body("status", equalTo("ACTIVE")).extract().path("id"));
    }

    private static void awaitEvent(UUID campaign, dev.funnel.contracts.EventType<?> type) {
        var events = TopicRecords.await(FunnelInfrastructure.bootstrapServers(), Topics.MARKETING_CAMPAIGNS,
                r -> TopicRecords.keyed(campaign).test(r) && type.type().equals(TopicRecords.cloudEvent(r).type()),
                1, Duration.ofSeconds(15));
        assertThat(events).hasSize(1);
        assertThat(ContractSchemas.violations(type, events.get(0).value())).isEmpty();
    }

    @Test
    void launchedCampaignIsReadableAndAnnounced() {
        UUID id = launch("Spring search " + UUID.randomUUID());
        given().get("/api/campaigns/{id}", id).then()
                .statusCode(200)
                .body("channel", equalTo("SEARCH"))
                .body("startsOn", equalTo("2026-03-01"))
                .body("budget", equalTo(12000.0f)); // numeric(19,2) reads back as 12000.00
        given().queryParam("size", 500).get("/api/campaigns").then().statusCode(200).body("id", hasItem(id.toString()));
        awaitEvent(id, EventTypes.CAMPAIGN_LAUNCHED);
    }

    @Test
    void changesAreAnnouncedAndAnEndedCampaignTakesNoMore() {
        UUID id = launch("Summer " + UUID.randomUUID());
        given().contentType(ContentType.JSON).body("{\"budget\": 15000, \"status\": \"PAUSED\"}")
                .patch("/api/campaigns/{id}", id).then()
                .statusCode(200).body("budget", equalTo(15000)).body("status", equalTo("PAUSED"));
        awaitEvent(id, EventTypes.CAMPAIGN_CHANGED);
        given().contentType(ContentType.JSON).body("{\"status\": \"ENDED\"}").patch("/api/campaigns/{id}", id)
                .then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"name\": \"Revived\"}").patch("/api/campaigns/{id}", id)
                .then().statusCode(409).contentType(startsWith("application/problem+json"));
        given().contentType(ContentType.JSON).body("{}").patch("/api/campaigns/{id}", id).then().statusCode(422);
        given().contentType(ContentType.JSON).body("{\"name\": \"x\"}").patch("/api/campaigns/{id}", UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void spendIsRecordedAgainstAKnownCampaignOnly() {
        UUID id = launch("Display " + UUID.randomUUID());
        given().contentType(ContentType.JSON).body("{\"amount\": 349.90, \"currency\": \"USD\", \"spentOn\": \"2026-03-02\"}")
                .post("/api/campaigns/{id}/spend", id).then()
                .statusCode(201).body("campaignId", equalTo(id.toString()));
        awaitEvent(id, EventTypes.SPEND_RECORDED);
        given().contentType(ContentType.JSON).body("{\"amount\": 1, \"currency\": \"USD\", \"spentOn\": \"2026-03-02\"}")
                .post("/api/campaigns/{id}/spend", UUID.randomUUID()).then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"amount\": -1, \"currency\": \"EUR\", \"spentOn\": \"2026-03-02\"}")
                .post("/api/campaigns/{id}/spend", id).then()
                .statusCode(422).body("errors.field", hasItem("amount"));
    }

    @Test
    void invalidCampaignsAreRefusedNamingTheField() {
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"x\", \"channel\": \"SEARCH\", \"budget\": 1, \"currency\": \"USD\","
                        + " \"startsOn\": \"2026-05-01\", \"endsOn\": \"2026-04-01\"}")
                .post("/api/campaigns").then().statusCode(422).body("errors.field", hasItem("endsOn"));
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"x\", \"channel\": \"SEARCH\", \"budget\": 1, \"currency\": \"EUR\", \"startsOn\": \"2026-05-01\"}")
                .post("/api/campaigns").then().statusCode(422).body("errors.field", hasItem("currency"));
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"\", \"budget\": -1, \"currency\": \"USD\"}")
                .post("/api/campaigns").then().statusCode(422)
                .body("errors.field", hasItem("name")).body("errors.field", hasItem("channel"))
                .body("errors.field", hasItem("budget")).body("errors.field", hasItem("startsOn"));
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"x\", \"channel\": \"TELEPATHY\", \"budget\": 1, \"currency\": \"USD\", \"startsOn\": \"2026-05-01\"}")
                .post("/api/campaigns").then().statusCode(422).body("errors[0].field", equalTo("channel"));
    }

    @Test
    void leadsTakeTheirCampaignsChannelByIdOrByUtmName() {
        String name = "Webinar " + UUID.randomUUID();
        UUID id = launch(name);
        given().contentType(ContentType.JSON)
                .body("{\"email\": \"byid+" + UUID.randomUUID() + "@example.com\", \"campaignId\": \"" + id + "\"}")
                .post("/api/leads").then().statusCode(201);
        String viaUtm = given().contentType(ContentType.JSON)
                .body("{\"email\": \"byutm+" + UUID.randomUUID() + "@example.com\", \"utm\": {\"campaign\": \""
                        + name.toUpperCase() + "\"}}")
                .post("/api/leads").then().statusCode(201).extract().path("id");
        given().get("/api/leads/{id}", viaUtm).then()
                .body("campaignId", equalTo(id.toString()))
                .body("channel", equalTo("SEARCH"));
        given().contentType(ContentType.JSON)
                .body("{\"email\": \"nocampaign+" + UUID.randomUUID() + "@example.com\", \"campaignId\": \"" + UUID.randomUUID() + "\"}")
                .post("/api/leads").then().statusCode(422).body("errors[0].field", equalTo("campaignId"));
    }
}
