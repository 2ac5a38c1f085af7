package dev.funnel.marketing.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.funnel.contracts.Topics;
import dev.funnel.testing.FunnelInfrastructure;
import dev.funnel.testing.TopicRecords;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "marketing"))
class LeadBatchTest {

    private static String lead(String email) {
        return "{\"email\": \"" + email + "\", \"utm\": {\"campaign\": \"import\"}}";
    }

    private static String email() {
        return "batch+" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void badItemsAreRejectedOneByOneAndTheGoodOnesStored() {
        String known = email();
        given().contentType(ContentType.JSON).body(lead(known)).post("/api/leads").then().statusCode(201);
        String fresh = email();
        String body = "[" + String.join(",",
                lead(fresh),
                "{\"email\": \"not-an-email\", \"utm\": {\"campaign\": \"import\"}}",
                lead(known),
                "{\"email\": \"" + email() + "\", \"timeline\": \"SOMEDAY\", \"utm\": {\"campaign\": \"import\"}}",
                "null",
                lead(fresh)) + "]";

        var answer = given().contentType(ContentType.JSON).body(body).post("/api/leads/batch").then()
                .statusCode(200)
                .body("results", hasSize(6))
                .body("results.index", equalTo(java.util.List.of(0, 1, 2, 3, 4, 5)))
                .body("results[0].outcome", equalTo("created"))
                .body("results[1].outcome", equalTo("rejected"))
                .body("results[1].id", nullValue())
                .body("results[1].problem.errors.field", hasItem("email"))
                .body("results[2].outcome", equalTo("duplicate"))
                .body("results[3].outcome", equalTo("rejected"))
                .body("results[3].problem.errors.field", hasItem("timeline"))
                .body("results[4].outcome", equalTo("rejected"))
                // the same email twice in one batch: the second is a touch on the lead the first created
                .body("results[5].outcome", equalTo("duplicate"))
                .extract();
        String created = answer.path("results[0].id");
        assertThat((String) answer.path("results[5].id")).isEqualTo(created);

        given().get("/api/leads/{id}", created).then().statusCode(200).body("email", equalTo(fresh));
        var events = TopicRecords.await(FunnelInfrastructure.bootstrapServers(), Topics.MARKETING_LEADS,
                TopicRecords.keyed(UUID.fromString(created)), 2, Duration.ofSeconds(15));
        assertThat(events).extracting(r -> TopicRecords.cloudEvent(r).type())
                .containsExactly("dev.funnel.marketing.lead.generated.v1", "dev.funnel.marketing.lead.engaged.v1");
    }

    @Test
    void retriedBatchWithTheSameIdempotencyKeyGetsTheFirstAnswer() {
        String body = "[" + lead(email()) + "," + lead(email()) + "]";
        String key = UUID.randomUUID().toString();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/leads/batch").then().statusCode(200).extract().asString();
        String retry = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/leads/batch").then().statusCode(200).extract().asString();
        assertThat(retry).isEqualTo(first).contains("\"created\"").doesNotContain("\"duplicate\"");
    }

    @Test
    void moreThanAThousandLeadsIsA413Problem() {
        String body = IntStream.range(0, LeadBatchResource.MAX_LEADS + 1)
                .mapToObj(i -> lead("too-many-" + i + "@example.com"))
                .collect(Collectors.joining(",", "[", "]"));
        given().contentType(ContentType.JSON).body(body).post("/api/leads/batch").then()
                .statusCode(413)
                .contentType(startsWith("application/problem+json"));
        given().get("/api/leads/batch").then().statusCode(405);
    }

    @Test
    void aBodyThatIsNotAnArrayIsA400Problem() {
        given().contentType(ContentType.JSON).body(lead(email())).post("/api/leads/batch").then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }
}
