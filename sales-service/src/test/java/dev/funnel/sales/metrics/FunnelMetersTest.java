package dev.funnel.sales.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.Topics;
import dev.funnel.contracts.pipeline.PipelineStage;
import dev.funnel.sales.TestLeads;
import dev.funnel.testing.EventProducer;
import dev.funnel.testing.FunnelInfrastructure;
import dev.funnel.testing.MetricsScrape;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sales' funnel counters, dead letters and consumer lag, read from /q/metrics as Prometheus reads them. */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "sales"))
class FunnelMetersTest {

    private static EventProducer events;

    @BeforeAll
    static void connect() {
        events = new EventProducer(FunnelInfrastructure.bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    static MetricsScrape scrape() {
        return MetricsScrape.parse(given().accept(MetricsScrape.PROMETHEUS_TEXT).get("/q/metrics")
                .then().statusCode(200).extract().asString());
    }

    static double increase(MetricsScrape before, MetricsScrape after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }

    @Test
    void leadsComingInAreCountedAsQualifiedOrDisqualifiedByTheRules() {
        MetricsScrape before = scrape();

        TestLeads.bringIn(events, TestLeads.promising(UUID.randomUUID()), PipelineStage.QUALIFIED);
        TestLeads.bringIn(events, TestLeads.promising(UUID.randomUUID()), PipelineStage.QUALIFIED);
        TestLeads.bringIn(events, TestLeads.unpromising(UUID.randomUUID()), PipelineStage.DISQUALIFIED);

        MetricsScrape after = scrape();
        assertThat(after.type("funnel_leads_qualified_total")).isEqualTo("counter");
        assertThat(increase(before, after, "funnel_leads_qualified_total", "decided_by", "scoring")).isEqualTo(2);
        assertThat(increase(before, after, "funnel_leads_disqualified_total", "decided_by", "scoring")).isEqualTo(1);
        assertThat(increase(before, after, "funnel_stage_moves_total", "from", "NEW", "to", "QUALIFIED")).isEqualTo(2);
        assertThat(increase(before, after, "funnel_stage_moves_total", "from", "NEW", "to", "DISQUALIFIED")).isEqualTo(1);
    }

    @Test
    void dealsWonAndLostAreCountedWithTheWonRevenueAndEveryMove() {
        UUID winner = TestLeads.bringIn(events, TestLeads.promising(UUID.randomUUID()), PipelineStage.QUALIFIED);
        UUID loser = TestLeads.bringIn(events, TestLeads.promising(UUID.randomUUID()), PipelineStage.QUALIFIED);
        UUID overruled = TestLeads.bringIn(events, TestLeads.unpromising(UUID.randomUUID()), PipelineStage.DISQUALIFIED);
        MetricsScrape before = scrape();

        TestLeads.toNegotiation(winner);
        TestLeads.move(winner, Map.of("to", "WON", "amount", 12500.50)).statusCode(200);
        TestLeads.move(winner, Map.of("to", "LOST", "reason", "PRICE")).statusCode(409);
        TestLeads.move(loser, Map.of("to", "LOST", "reason", "COMPETITOR")).statusCode(200);
        TestLeads.move(overruled, Map.of("to", "QUALIFIED", "by", "ada")).statusCode(200);
        String checkIn = given().get("/api/leads/{id}", winner).then().statusCode(200)
                .extract().path("followUps.find { it.kind == 'CHECK_IN' }.id");
        given().contentType(ContentType.JSON).body(Map.of("outcome", "happy customer"))
                .post("/api/follow-ups/{id}/complete", checkIn).then().statusCode(200);

        MetricsScrape after = scrape();
        assertThat(increase(before, after, "funnel_deals_won_total")).isEqualTo(1);
        // a double counter: revenue other tests won before leaves a rounding error in the difference
        assertThat(increase(before, after, "funnel_won_revenue_total", "currency", "USD"))
                .isCloseTo(12500.50, within(1e-6));
        assertThat(increase(before, after, "funnel_deals_lost_total", "reason", "COMPETITOR")).isEqualTo(1);
        assertThat(increase(before, after, "funnel_deals_lost_total", "reason", "PRICE")).as("the refused move").isZero();
        assertThat(increase(before, after, "funnel_leads_qualified_total", "decided_by", "rep")).isEqualTo(1);
        assertThat(increase(before, after, "funnel_stage_moves_total", "from", "QUALIFIED", "to", "CONTACTED")).isEqualTo(1);
        assertThat(increase(before, after, "funnel_stage_moves_total", "from", "NEGOTIATION", "to", "WON")).isEqualTo(1);
        assertThat(increase(before, after, "funnel_stage_moves_total", "from", "QUALIFIED", "to", "LOST")).isEqualTo(1);
        assertThat(increase(before, after, "funnel_stage_moves_total", "from", "DISQUALIFIED", "to", "QUALIFIED"))
                .isEqualTo(1);
        assertThat(increase(before, after, "funnel_stage_moves_total")).as("every move, and only those").isEqualTo(6);
        assertThat(increase(before, after, "funnel_follow_ups_completed_total", "kind", "CHECK_IN")).isEqualTo(1);
    }

    @Test
    void aPoisonRecordIsCountedAsADeadLetterOfItsTopicOnceParked() {
        MetricsScrape before = scrape();
        UUID broken = UUID.randomUUID();
        events.publish(CloudEvent.of(EventTypes.LEAD_GENERATED, broken, Instant.now()), Topics.MARKETING_LEADS, "{not json");
        // a good lead after it: once that is in, the poison before it on any partition has been dealt with
        TestLeads.bringIn(events, TestLeads.promising(UUID.randomUUID()), PipelineStage.QUALIFIED);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(increase(before, scrape(), "funnel_dead_letters_total", "topic", Topics.MARKETING_LEADS))
                        .isEqualTo(1));
    }

    /**
     * Quarkus' Kafka binder binds each SmallRye consumer when it is made, before it has partitions, and adds the
     * per-partition metrics at its next refresh (every 60 s), hence the long wait.
     */
    @Test
    void consumerLagIsExportedPerPartitionOfTheLeadTopicAndIsZeroOnceCaughtUp() {
        for (int i = 0; i < 10; i++) {
            UUID id = UUID.randomUUID();
            events.publish(EventTypes.LEAD_GENERATED, id, TestLeads.promising(id));
        }

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            List<MetricsScrape.Sample> lag = scrape().samples("kafka_consumer_fetch_manager_records_lag").stream()
                    .filter(sample -> sample.has("topic", Topics.MARKETING_LEADS) && !Double.isNaN(sample.value()))
                    .toList();
            assertThat(lag).extracting(sample -> sample.labels().get("partition"))
                    .as("the lag of each partition of %s, from whichever consumer holds it", Topics.MARKETING_LEADS)
                    .containsOnly("0", "1", "2")
                    .contains("0", "1", "2");
            assertThat(lag).allSatisfy(sample -> assertThat(sample.value()).isZero());
        });
    }
}
