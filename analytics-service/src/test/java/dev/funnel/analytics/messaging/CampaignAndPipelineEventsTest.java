package dev.funnel.analytics.messaging;

import static dev.funnel.analytics.FunnelApi.PATIENCE;
import static dev.funnel.analytics.FunnelApi.funnel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.funnel.analytics.Campaign;
import dev.funnel.analytics.FunnelEvents;
import dev.funnel.contracts.Channel;
import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.EventCodec;
import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.Topics;
import dev.funnel.contracts.campaign.CampaignChanged;
import dev.funnel.contracts.campaign.CampaignStatus;
import dev.funnel.contracts.campaign.SpendRecorded;
import dev.funnel.contracts.pipeline.PipelineStage;
import dev.funnel.testing.FunnelInfrastructure;
import dev.funnel.testing.TopicRecords;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** What analytics makes of marketing.campaigns and sales.pipeline, each event on its own. */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class CampaignAndPipelineEventsTest {

    private static Map<String, String> day(String day, UUID campaign) {
        return Map.of("from", day, "to", LocalDate.parse(day).plusDays(1).toString(), "campaignId", campaign.toString());
    }

    private static void awaitFigure(Map<String, String> query, String field, String expected) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(funnel(query).get(field).decimalValue()).as(field).isEqualByComparingTo(expected));
    }

    @Test
    void dealWonBeforeItsLeadArrivedCountsOnceTheLeadDoes() {
        UUID campaign = UUID.randomUUID();
        UUID lead = UUID.randomUUID();
        Instant created = Instant.parse("2024-07-01T08:00:00Z");
        FunnelEvents.publish(FunnelEvents.qualified(lead, created.plusSeconds(60)),
                FunnelEvents.won(lead, "250", created.plus(Duration.ofDays(3))));
        // nothing counts before the lead exists; the pipeline waits for it
        awaitFigure(day("2024-07-01", campaign), "leads", "0");

        FunnelEvents.publish(FunnelEvents.generated(lead, campaign, Channel.SOCIAL, created));

        awaitFigure(day("2024-07-01", campaign), "won", "1");
        assertThat(funnel(day("2024-07-01", campaign)).get("qualified").asLong()).isEqualTo(1);
        assertThat(funnel(day("2024-07-01", campaign)).get("revenue").decimalValue()).isEqualByComparingTo("250");
        assertThat(funnel(day("2024-07-01", campaign)).get("avgSalesCycleDays").decimalValue()).isEqualByComparingTo("3.0");
    }

    @Test
    void spendPublishedAgainUnderANewEventIdCountsOnce() {
        UUID campaign = UUID.randomUUID();
        SpendRecorded spend = new SpendRecorded(UUID.randomUUID(), campaign, new BigDecimal("75.50"), "USD",
                LocalDate.parse("2024-07-02"), Instant.parse("2024-07-02T10:00:00Z"));
        UUID marker = UUID.randomUUID();
        FunnelEvents.publish(FunnelEvents.event(EventTypes.SPEND_RECORDED, campaign, spend, spend.recordedAt()),
                FunnelEvents.event(EventTypes.SPEND_RECORDED, campaign, spend, spend.recordedAt()),
                // same key, so on the same partition: once it counts, both copies were handled
                FunnelEvents.event(EventTypes.SPEND_RECORDED, campaign, new SpendRecorded(marker, campaign,
                        new BigDecimal("0.50"), "USD", LocalDate.parse("2024-07-03"), spend.recordedAt()), spend.recordedAt()));

        awaitFigure(day("2024-07-03", campaign), "spend", "0.50");
        assertThat(funnel(day("2024-07-02", campaign)).get("spend").decimalValue()).isEqualByComparingTo("75.50");
    }

    @Test
    void awarenessReportsAddUpInTheirHour() {
        UUID campaign = UUID.randomUUID();
        Instant hour = Instant.parse("2024-07-04T13:00:00Z");
        FunnelEvents.Event report = FunnelEvents.aware(campaign, hour, 100, 10, 5);
        FunnelEvents.publish(report, FunnelEvents.aware(campaign, hour, 50, 5, 1), report);

        awaitFigure(day("2024-07-04", campaign), "impressions", "150");
        await().during(Duration.ofSeconds(1)).atMost(PATIENCE).untilAsserted(() ->
                assertThat(funnel(day("2024-07-04", campaign)).get("visits").asLong()).isEqualTo(6));
        assertThat(funnel(day("2024-07-04", campaign)).get("ctr").decimalValue()).isEqualByComparingTo("0.1");
    }

    @Test
    void laterCampaignChangeWinsWhateverTheOrder() {
        UUID campaign = UUID.randomUUID();
        Instant launched = Instant.parse("2024-07-05T09:00:00Z");
        FunnelEvents.publish(
                FunnelEvents.event(EventTypes.CAMPAIGN_CHANGED, campaign, new CampaignChanged(campaign, "Renamed",
                        new BigDecimal("900"), "USD", CampaignStatus.PAUSED, launched.plusSeconds(3600)), launched),
                FunnelEvents.launched(campaign, "Original", Channel.PR, "500", launched));

        Campaign stored = await().atMost(PATIENCE).until(
                () -> QuarkusTransaction.requiringNew().call(() -> Campaign.<Campaign>findById(campaign)),
                found -> found != null && found.channel == Channel.PR);
        assertThat(stored.name).isEqualTo("Renamed");
        assertThat(stored.budget).isEqualByComparingTo("900");
        assertThat(stored.status).isEqualTo(CampaignStatus.PAUSED);
    }

    @Test
    void poisonOnThePipelineIsDeadLetteredAndTheNextEventStillCounts() {
        UUID campaign = UUID.randomUUID();
        UUID lead = UUID.randomUUID();
        Instant created = Instant.parse("2024-07-06T08:00:00Z");
        CloudEvent poison = CloudEvent.of(EventTypes.DEAL_WON, lead, created);
        FunnelEvents.publish(new FunnelEvents.Event(poison, Topics.SALES_PIPELINE, "{\"leadId\": 42"),
                FunnelEvents.generated(lead, campaign, Channel.EVENT, created),
                FunnelEvents.moved(lead, PipelineStage.QUALIFIED, PipelineStage.CONTACTED, created.plusSeconds(60)));

        awaitFigure(day("2024-07-06", campaign), "contacted", "1");
        List<ConsumerRecord<String, String>> dead = TopicRecords.await(FunnelInfrastructure.bootstrapServers(),
                Topics.ANALYTICS_DEAD_LETTER, TopicRecords.keyed(lead), 1, PATIENCE);
        assertThat(dead).hasSize(1);
        assertThat(TopicRecords.cloudEvent(dead.get(0)).id()).isEqualTo(poison.id());
        assertThat(TopicRecords.header(dead.get(0), "dead-letter-topic")).isEqualTo(Topics.SALES_PIPELINE);
        assertThat(TopicRecords.header(dead.get(0), "dead-letter-reason"))
                .contains("payload is not a valid " + EventTypes.DEAL_WON.type());
    }

    @Test
    void eventOfAnotherTopicOnTheCampaignsTopicIsDeadLettered() {
        UUID campaign = UUID.randomUUID();
        CloudEvent misplaced = CloudEvent.of(EventTypes.LEAD_ERASED, campaign, Instant.parse("2024-07-07T00:00:00Z"));
        FunnelEvents.publish(new FunnelEvents.Event(misplaced, Topics.MARKETING_CAMPAIGNS,
                EventCodec.write(new dev.funnel.contracts.lead.LeadErased(campaign, misplaced.time()))));

        List<ConsumerRecord<String, String>> dead = TopicRecords.await(FunnelInfrastructure.bootstrapServers(),
                Topics.ANALYTICS_DEAD_LETTER, TopicRecords.keyed(campaign), 1, PATIENCE);
        assertThat(dead).hasSize(1);
        assertThat(TopicRecords.header(dead.get(0), "dead-letter-topic")).isEqualTo(Topics.MARKETING_CAMPAIGNS);
        assertThat(TopicRecords.header(dead.get(0), "dead-letter-reason"))
                .isEqualTo(EventTypes.LEAD_ERASED.type() + " is not an event of " + Topics.MARKETING_CAMPAIGNS);
    }
}
