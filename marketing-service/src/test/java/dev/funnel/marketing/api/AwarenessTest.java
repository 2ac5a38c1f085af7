package dev.funnel.marketing.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.funnel.contracts.EventCodec;
import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.Topics;
import dev.funnel.contracts.campaign.AwarenessRecorded;
import dev.funnel.testing.ContractSchemas;
import dev.funnel.testing.FunnelInfrastructure;
import dev.funnel.testing.TopicRecords;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "marketing"))
class AwarenessTest {

    private static UUID launch() {
        return UUID.fromString(given().contentType(ContentType.JSON)
                .body("""
                        {"name": "Display %s", "channel": "DISPLAY", "budget": 5000, "currency": "USD",
                         "startsOn": "2026-03-01"}""".formatted(UUID.randomUUID()))
                .post("/api/campaigns").then().statusCode(201).extract().path("id"));
    }

    private static String entry(UUID campaign, String kind, long count, String at) {
        return """
                {"campaignId": "%s", "kind": "%s", "count": %d, "occurredAt": "%s"}""".formatted(campaign, kind, count, at);
    }

    private static List<AwarenessRecorded> awaitTallies(UUID campaign, int expected) {
        List<ConsumerRecord<String, String>> records = TopicRecords.await(FunnelInfrastructure.bootstrapServers(),
                Topics.MARKETING_CAMPAIGNS,
                r -> TopicRecords.keyed(campaign).test(r)
                        && EventTypes.AWARENESS_RECORDED.type().equals(TopicRecords.cloudEvent(r).type()),
                expected, Duration.ofSeconds(15));
        records.forEach(r -> assertThat(ContractSchemas.violations(EventTypes.AWARENESS_RECORDED, r.value())).isEmpty());
        return records.stream().map(r -> EventCodec.read(r.value(), EventTypes.AWARENESS_RECORDED))
                .sorted(Comparator.comparing(AwarenessRecorded::hour)).toList();
    }

    @Test
    void countsAreSummedPerHourAndPublishedExactly() {
        UUID campaign = launch();
        String body = "[" + String.join(",",
                entry(campaign, "IMPRESSION", 10_000, "2026-03-01T09:05:00Z"),
                entry(campaign, "IMPRESSION", 2_500, "2026-03-01T09:55:00Z"),
                entry(campaign, "CLICK", 310, "2026-03-01T09:40:00Z"),
                entry(campaign, "VISIT", 120, "2026-03-01T10:01:00Z"),
                entry(campaign, "CLICK", 7, "2026-03-01T10:02:00Z")) + "]";

        given().contentType(ContentType.JSON).body(body).post("/api/awareness").then()
                .statusCode(202).body("accepted", equalTo(5));

        List<AwarenessRecorded> tallies = awaitTallies(campaign, 2);
        assertThat(tallies).extracting(AwarenessRecorded::hour)
                .containsExactly(Instant.parse("2026-03-01T09:00:00Z"), Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(tallies).extracting(AwarenessRecorded::impressions).containsExactly(12_500L, 0L);
        assertThat(tallies).extracting(AwarenessRecorded::clicks).containsExactly(310L, 7L);
        assertThat(tallies).extracting(AwarenessRecorded::visits).containsExactly(0L, 120L);
    }

    @Test
    void badEntriesAreRejectedOneByOneAndTheGoodOnesRecorded() {
        UUID campaign = launch();
        String body = "[" + String.join(",",
                entry(campaign, "CLICK", 4, "2026-03-02T08:00:00Z"),
                entry(campaign, "GLANCE", 4, "2026-03-02T08:00:00Z"),
                entry(campaign, "CLICK", -1, "2026-03-02T08:00:00Z"),
                entry(UUID.randomUUID(), "CLICK", 4, "2026-03-02T08:00:00Z"),
                entry(campaign, "VISIT", 4, "2999-01-01T00:00:00Z"),
                "\"not an object\"") + "]";

        given().contentType(ContentType.JSON).body(body).post("/api/awareness").then()
                .statusCode(202)
                .body("accepted", equalTo(1))
                .body("rejected.index", contains(1, 2, 3, 4, 5))
                .body("rejected[0].problem.errors[0].field", equalTo("kind"))
                .body("rejected[1].problem.errors[0].field", equalTo("count"))
                .body("rejected[2].problem.errors[0].field", equalTo("campaignId"))
                .body("rejected[3].problem.errors[0].field", equalTo("occurredAt"))
                .body("rejected[4].problem.errors[0].field", equalTo("body"));

        assertThat(awaitTallies(campaign, 1)).singleElement().satisfies(tally -> {
            assertThat(tally.clicks()).isEqualTo(4L);
            assertThat(tally.visits()).isZero();
        });
    }

    @Test
    void aRequestWithNothingGoodIsRefusedNamingEachEntrysField() {
        given().contentType(ContentType.JSON)
                .body("[" + entry(UUID.randomUUID(), "CLICK", 1, "2026-03-02T08:00:00Z") + ","
                        + "{\"kind\": \"VISIT\", \"count\": 1, \"occurredAt\": \"2026-03-02T08:00:00Z\"}]")
                .post("/api/awareness").then()
                .statusCode(422).contentType(startsWith("application/problem+json"))
                .body("errors.field", contains("[0].campaignId", "[1].campaignId"));
        given().contentType(ContentType.JSON).body("[]").post("/api/awareness").then()
                .statusCode(422).body("errors[0].field", equalTo("body"));
        given().contentType(ContentType.JSON).body("[{\"kind\": ").post("/api/awareness").then()
                .statusCode(400).contentType(startsWith("application/problem+json"));
    }

    @Test
    void moreThanTenThousandEntriesAreRefusedAsAWhole() {
        UUID campaign = launch();
        StringJoiner body = new StringJoiner(",", "[", "]");
        String one = entry(campaign, "IMPRESSION", 1, "2026-03-02T08:00:00Z");
        for (int i = 0; i <= AwarenessResource.MAX_ENTRIES; i++) {
            body.add(one);
        }
        given().contentType(ContentType.JSON).body(body.toString()).post("/api/awareness").then()
                .statusCode(413).contentType(startsWith("application/problem+json"));
    }

    @Test
    void aRetriedRequestIsAnsweredAgainWithoutCountingTwice() {
        UUID campaign = launch();
        String body = "[" + entry(campaign, "VISIT", 9, "2026-03-03T12:00:00Z") + "]";
        String key = UUID.randomUUID().toString();

        for (int attempt = 0; attempt < 2; attempt++) {
            given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                    .post("/api/awareness").then().statusCode(202).body("accepted", equalTo(1));
        }
        // a later, different batch proves the topic was read past the point a second tally would be
        given().contentType(ContentType.JSON).body("[" + entry(campaign, "VISIT", 1, "2026-03-04T12:00:00Z") + "]")
                .post("/api/awareness").then().statusCode(202);

        assertThat(awaitTallies(campaign, 2)).extracting(AwarenessRecorded::visits).containsExactly(9L, 1L);
    }
}
