package dev.funnel.sales.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.pipeline.DealLost;
import dev.funnel.contracts.pipeline.DealWon;
import dev.funnel.contracts.pipeline.LeadDisqualified;
import dev.funnel.contracts.pipeline.LeadQualified;
import dev.funnel.contracts.pipeline.LossReason;
import dev.funnel.contracts.pipeline.PipelineStage;
import dev.funnel.contracts.pipeline.StageChanged;
import dev.funnel.sales.PipelineRecords;
import dev.funnel.sales.TestLeads;
import dev.funnel.testing.EventProducer;
import dev.funnel.testing.FunnelInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "sales"))
class PipelineTest {

    private static EventProducer events;

    @BeforeAll
    static void connect() {
        events = new EventProducer(FunnelInfrastructure.bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    private static UUID qualifiedLead() {
        return TestLeads.bringIn(events, TestLeads.promising(UUID.randomUUID()), PipelineStage.QUALIFIED);
    }

    @Test
    void aLeadWorkedToWonGivesOneEventPerMoveAHistoryAndAPostSaleCheckIn() {
        TestLeads.addRep("Grace Owner");
        UUID id = qualifiedLead();
        TestLeads.move(id, Map.of("to", "CONTACTED", "note", "called, keen", "by", "ada")).statusCode(200)
                .body("stage", equalTo("CONTACTED"))
                .body("allowedMoves", contains("PROPOSAL", "LOST"));
        TestLeads.move(id, Map.of("to", "PROPOSAL")).statusCode(200);
        TestLeads.move(id, Map.of("to", "NEGOTIATION", "by", "ada")).statusCode(200);
        Instant beforeWin = Instant.now();
        JsonPath won = TestLeads.move(id, Map.of("to", "WON", "amount", 1200.50, "note", "signed", "by", "ada"))
                .statusCode(200).extract().jsonPath();

        assertThat(won.getString("stage")).isEqualTo("WON");
        assertThat(won.getDouble("amount")).isEqualTo(1200.50);
        assertThat(won.getString("amountCurrency")).isEqualTo("USD");
        assertThat(won.getList("allowedMoves")).isEmpty();
        assertThat(won.getList("history.findAll { it.kind == 'MOVE' }.toStage"))
                .containsExactly("QUALIFIED", "CONTACTED", "PROPOSAL", "NEGOTIATION", "WON");
        assertThat(won.getList("history.findAll { it.kind == 'MOVE' }.by"))
                .containsExactly("scoring", "ada", "sales-api", "ada", "ada");
        assertThat(won.getString("history[2].note")).isEqualTo("called, keen");
        assertThat(won.getString("history[5].note")).isEqualTo("signed");
        assertThat(won.getString("history[5].currency")).isEqualTo("USD");
        assertThat(won.getList("followUps")).hasSize(1);
        assertThat(won.getString("followUps[0].kind")).isEqualTo("CHECK_IN");
        assertThat(won.getString("followUps[0].ownerId")).isEqualTo(won.getString("ownerId")).isNotNull();
        Instant due = Instant.parse(won.getString("followUps[0].dueAt"));
        assertThat(due).isBetween(beforeWin.plus(Duration.ofDays(30)), Instant.now().plus(Duration.ofDays(30)));

        List<ConsumerRecord<String, String>> published = PipelineRecords.about(id, 5);
        assertThat(PipelineRecords.types(published)).containsExactly(EventTypes.LEAD_QUALIFIED.type(),
                EventTypes.STAGE_CHANGED.type(), EventTypes.STAGE_CHANGED.type(), EventTypes.STAGE_CHANGED.type(),
                EventTypes.DEAL_WON.type());
        StageChanged contacted = PipelineRecords.payload(published.get(1), EventTypes.STAGE_CHANGED);
        assertThat(contacted.fromStage()).isEqualTo(PipelineStage.QUALIFIED);
        assertThat(contacted.toStage()).isEqualTo(PipelineStage.CONTACTED);
        assertThat(contacted.by()).isEqualTo("ada");
        assertThat(contacted.note()).isEqualTo("called, keen");
        assertThat(PipelineRecords.payload(published.get(2), EventTypes.STAGE_CHANGED).by()).isEqualTo("sales-api");
        DealWon deal = PipelineRecords.payload(published.get(4), EventTypes.DEAL_WON);
        assertThat(deal.fromStage()).isEqualTo(PipelineStage.NEGOTIATION);
        assertThat(deal.amount()).isEqualByComparingTo(new BigDecimal("1200.50"));
        assertThat(deal.currency()).isEqualTo("USD");
        assertThat(deal.note()).isEqualTo("signed");
    }

    @Test
    void aLostDealNeedsAKnownReasonAndIsAnnouncedWithIt() {
        UUID id = qualifiedLead();
        TestLeads.move(id, Map.of("to", "CONTACTED")).statusCode(200);

        TestLeads.move(id, Map.of("to", "LOST")).statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("reason"));
        TestLeads.move(id, Map.of("to", "LOST", "reason", "BORED")).statusCode(422)
                .body("errors[0].field", equalTo("reason"));
        TestLeads.move(id, Map.of("to", "LOST", "reason", "COMPETITOR", "note", "went with the incumbent"))
                .statusCode(200)
                .body("stage", equalTo("LOST"))
                .body("lossReason", equalTo("COMPETITOR"));

        List<ConsumerRecord<String, String>> published = PipelineRecords.about(id, 3);
        assertThat(published).hasSize(3);
        DealLost lost = PipelineRecords.payload(published.get(2), EventTypes.DEAL_LOST);
        assertThat(lost.fromStage()).isEqualTo(PipelineStage.CONTACTED);
        assertThat(lost.reason()).isEqualTo(LossReason.COMPETITOR);
        assertThat(lost.note()).isEqualTo("went with the incumbent");
        assertThat(lost.by()).isEqualTo("sales-api");
    }

    @Test
    void anIllegalMoveIsA409NamingTheCurrentStageAndTheAllowedOnes() {
        UUID id = qualifiedLead();

        TestLeads.move(id, Map.of("to", "WON", "amount", 100)).statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("currentStage", equalTo("QUALIFIED"))
                .body("allowedStages", contains("CONTACTED", "DISQUALIFIED", "LOST"));
        TestLeads.move(id, Map.of("to", "QUALIFIED")).statusCode(409)
                .body("currentStage", equalTo("QUALIFIED"));
        given().get("/api/leads/{id}", id).then().body("stage", equalTo("QUALIFIED"));
        assertThat(PipelineRecords.about(id, 1)).hasSize(1);
    }

    @Test
    void winningNeedsAPositiveAmountInTheDeploymentsCurrency() {
        UUID id = qualifiedLead();
        TestLeads.toNegotiation(id);

        TestLeads.move(id, Map.of("to", "WON")).statusCode(422).body("errors[0].field", equalTo("amount"));
        TestLeads.move(id, Map.of("to", "WON", "amount", -5)).statusCode(422).body("errors[0].field", equalTo("amount"));
        TestLeads.move(id, Map.of("to", "WON", "amount", 0)).statusCode(422).body("errors[0].field", equalTo("amount"));
        TestLeads.move(id, Map.of("to", "WON", "amount", "lots")).statusCode(422).body("errors[0].field", equalTo("amount"));
        TestLeads.move(id, Map.of("to", "WON", "amount", 10, "currency", "EUR")).statusCode(422)
                .body("errors[0].field", equalTo("currency"));
        TestLeads.move(id, Map.of("to", "WON", "amount", 10, "currency", "USD")).statusCode(200)
                .body("stage", equalTo("WON"));
    }

    @Test
    void aRepCanOverrideTheRulesEitherWay() {
        UUID id = qualifiedLead();

        TestLeads.move(id, Map.of("to", "DISQUALIFIED", "by", "ada", "note", "student project")).statusCode(200)
                .body("stage", equalTo("DISQUALIFIED"));
        TestLeads.move(id, Map.of("to", "QUALIFIED", "by", "grace")).statusCode(200)
                .body("stage", equalTo("QUALIFIED"));

        List<ConsumerRecord<String, String>> published = PipelineRecords.about(id, 3);
        assertThat(published).hasSize(3);
        LeadDisqualified overruled = PipelineRecords.payload(published.get(1), EventTypes.LEAD_DISQUALIFIED);
        assertThat(overruled.fromStage()).isEqualTo(PipelineStage.QUALIFIED);
        assertThat(overruled.by()).isEqualTo("ada");
        assertThat(overruled.score()).isEqualTo(70);
        assertThat(overruled.threshold()).isEqualTo(50);
        LeadQualified requalified = PipelineRecords.payload(published.get(2), EventTypes.LEAD_QUALIFIED);
        assertThat(requalified.fromStage()).isEqualTo(PipelineStage.DISQUALIFIED);
        assertThat(requalified.by()).isEqualTo("grace");
        assertThat(requalified.score()).isEqualTo(70);
    }

    @Test
    void badBodiesAreRefusedNamingTheField() {
        UUID id = qualifiedLead();

        TestLeads.move(id, Map.of("note", "where to?")).statusCode(422).body("errors[0].field", equalTo("to"));
        TestLeads.move(id, Map.of("to", "SLEEPING")).statusCode(422).body("errors[0].field", equalTo("to"));
        TestLeads.move(id, Map.of("to", "CONTACTED", "by", " ")).statusCode(422).body("errors[0].field", equalTo("by"));
        TestLeads.move(id, Map.of("to", "CONTACTED", "note", "x".repeat(2001))).statusCode(422)
                .body("errors[0].field", equalTo("note"));
        TestLeads.move(id, Map.of("to", "CONTACTED", "amount", 10)).statusCode(422)
                .body("errors[0].field", equalTo("amount"));
        given().contentType(ContentType.JSON).body("{\"to\": ").post("/api/leads/{id}/transitions", id).then()
                .statusCode(400).contentType(startsWith("application/problem+json"));
        given().contentType(ContentType.JSON).post("/api/leads/{id}/transitions", id).then()
                .statusCode(422);
        given().get("/api/leads/{id}", id).then().body("stage", equalTo("QUALIFIED"));
    }

    @Test
    void movingAnUnknownLeadIsA404() {
        TestLeads.move(UUID.randomUUID(), Map.of("to", "CONTACTED")).statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().contentType(ContentType.JSON).body(Map.of("to", "CONTACTED"))
                .post("/api/leads/not-a-uuid/transitions").then().statusCode(404);
    }

    @Test
    void concurrentMovesOfTheSameLeadCannotBothSucceed() throws Exception {
        UUID id = qualifiedLead();
        int racers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Callable<Integer>> moves = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                moves.add(() -> TestLeads.move(id, Map.of("to", "CONTACTED")).extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(moves)) {
                statuses.add(status.get());
            }
            assertThat(statuses).containsOnly(200, 409);
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(PipelineRecords.types(PipelineRecords.about(id, 2)))
                .containsExactly(EventTypes.LEAD_QUALIFIED.type(), EventTypes.STAGE_CHANGED.type());
        given().get("/api/leads/{id}", id).then()
                .body("history.findAll { it.kind == 'MOVE' }.size()", equalTo(2));
    }
}
