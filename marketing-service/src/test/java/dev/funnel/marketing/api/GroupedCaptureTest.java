package dev.funnel.marketing.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.Topics;
import dev.funnel.testing.FunnelInfrastructure;
import dev.funnel.testing.TopicRecords;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Single leads posted at once are committed in shared transactions; each must still get exactly the
 * answer it would get alone, and each lead exactly one stored row and one event.
 */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "marketing"))
class GroupedCaptureTest {

    @Inject
    MeterRegistry registry;

    private DistributionSummary groupSizes() {
        return registry.get("funnel.capture.group.size").summary();
    }

    private static String lead(String email) {
        return """
                {"email": "%s", "firstName": "Ada", "country": "GB", "utm": {"campaign": "grouped"}}""".formatted(email);
    }

    private static List<Response> postAtOnce(List<String> bodies) throws Exception {
        ExecutorService posters = Executors.newFixedThreadPool(32);
        try {
            List<Future<Response>> sent = new ArrayList<>();
            for (String body : bodies) {
                Callable<Response> post = () -> given().contentType(ContentType.JSON).body(body).post("/api/leads");
                sent.add(posters.submit(post));
            }
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : sent) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            posters.shutdown();
        }
    }

    @Test
    void leadsPostedAtOnceEachGetTheirOwnAnswerAndOneEvent() throws Exception {
        List<String> emails = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String email = "grouped+" + UUID.randomUUID() + "@example.com";
            emails.add(email);
            bodies.add(lead(email));
        }
        // one lead breaks a rule only the database can check: its answer alone is 422
        bodies.add(150, """
                {"email": "nobody@example.com", "campaignId": "%s"}""".formatted(UUID.randomUUID()));

        long groupsBefore = groupSizes().count();
        double groupedBefore = groupSizes().totalAmount();

        List<Response> answers = postAtOnce(bodies);

        // every lead went through exactly one group, and 32 posters at once made groups of several leads
        assertThat(groupSizes().totalAmount() - groupedBefore).isEqualTo(301.0);
        assertThat(groupSizes().count() - groupsBefore).isBetween(1L, 300L);
        Response refused = answers.get(150);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().asString()).contains("campaignId");
        answers.remove(150);
        assertThat(answers).extracting(Response::statusCode).containsOnly(201);
        List<UUID> ids = answers.stream().map(a -> UUID.fromString(a.path("id"))).toList();
        assertThat(ids).doesNotHaveDuplicates();
        for (int i = 0; i < emails.size(); i += 37) {
            given().get("/api/leads/{id}", ids.get(i)).then().statusCode(200)
                    .body("email", equalTo(emails.get(i)));
        }
        Map<String, Long> eventsPerLead = TopicRecords.await(FunnelInfrastructure.bootstrapServers(),
                        Topics.MARKETING_LEADS, r -> ids.contains(UUID.fromString(r.key())), ids.size(), Duration.ofSeconds(30))
                .stream().collect(Collectors.groupingBy(r -> r.key(), Collectors.counting()));
        assertThat(eventsPerLead).hasSize(ids.size());
        assertThat(eventsPerLead.values()).containsOnly(1L);
    }

    @Test
    void theSameNewEmailPostedManyTimesAtOnceMakesOneLeadAndTouchesOnIt() throws Exception {
        String email = "same+" + UUID.randomUUID() + "@example.com";
        List<Response> answers = postAtOnce(Collections.nCopies(60, lead(email)));

        Map<Integer, Long> statuses = answers.stream()
                .collect(Collectors.groupingBy(Response::statusCode, Collectors.counting()));
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(201, 1L, 200, 59L));
        assertThat(answers.stream().map(a -> a.<String>path("id")).distinct()).hasSize(1);
        UUID id = UUID.fromString(answers.get(0).path("id"));
        var events = TopicRecords.await(FunnelInfrastructure.bootstrapServers(), Topics.MARKETING_LEADS,
                TopicRecords.keyed(id), 60, Duration.ofSeconds(30));
        Map<String, Long> byType = events.stream().collect(Collectors.groupingBy(
                r -> TopicRecords.cloudEvent(r).type(), Collectors.counting()));
        assertThat(byType).containsExactlyInAnyOrderEntriesOf(Map.of(
                EventTypes.LEAD_GENERATED.type(), 1L, EventTypes.LEAD_ENGAGED.type(), 59L));
    }
}
