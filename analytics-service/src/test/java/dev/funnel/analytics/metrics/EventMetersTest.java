package dev.funnel.analytics.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.funnel.analytics.MarketingLeads;
import dev.funnel.contracts.Channel;
import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.EventCodec;
import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.Topics;
import dev.funnel.contracts.lead.LeadGenerated;
import dev.funnel.testing.FunnelInfrastructure;
import dev.funnel.testing.MetricsScrape;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** What the live consumers did with each record, and how far behind they are, read from /q/metrics. */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class EventMetersTest {

    private static final Instant CREATED = Instant.parse("2025-03-01T09:00:00Z");

    static MetricsScrape scrape() {
        return MetricsScrape.parse(given().accept(MetricsScrape.PROMETHEUS_TEXT).get("/q/metrics")
                .then().statusCode(200).extract().asString());
    }

    static double increase(MetricsScrape before, MetricsScrape after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }

    @Test
    void eventsAreCountedAsAppliedOrAsDuplicatesOfTheirTopic() {
        MetricsScrape before = scrape();
        LeadGenerated lead = MarketingLeads.generated(UUID.randomUUID(), UUID.randomUUID(), Channel.SEARCH, CREATED);
        ProducerRecord<String, String> delivery = MarketingLeads.record(0,
                CloudEvent.of(EventTypes.LEAD_GENERATED, lead.leadId(), CREATED), EventCodec.write(lead));
        MarketingLeads.send(delivery, delivery);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            MetricsScrape after = scrape();
            assertThat(increase(before, after, "funnel_events_consumed_total",
                    "topic", Topics.MARKETING_LEADS, "outcome", "applied")).isEqualTo(1);
            assertThat(increase(before, after, "funnel_events_consumed_total",
                    "topic", Topics.MARKETING_LEADS, "outcome", "duplicate")).isEqualTo(1);
        });
        assertThat(increase(before, scrape(), "funnel_events_consumed_total", "topic", Topics.SALES_PIPELINE)).isZero();
    }

    @Test
    void aPoisonRecordIsCountedAsADeadLetterOfItsTopic() {
        MetricsScrape before = scrape();
        UUID broken = UUID.randomUUID();
        MarketingLeads.send(MarketingLeads.record(CloudEvent.of(EventTypes.LEAD_GENERATED, broken, CREATED), "{not json"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            MetricsScrape after = scrape();
            assertThat(increase(before, after, "funnel_dead_letters_total", "topic", Topics.MARKETING_LEADS)).isEqualTo(1);
            assertThat(increase(before, after, "funnel_events_consumed_total", "topic", Topics.MARKETING_LEADS)).isZero();
        });
    }

    /**
     * Quarkus' Kafka binder binds each SmallRye consumer when it is made, before it has partitions, and adds the
     * per-partition metrics at its next refresh (every 60 s), hence the long wait.
     */
    @Test
    void consumerLagIsExportedForEveryPartitionOfEachTopicAnalyticsReads() {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            MetricsScrape scrape = scrape();
            for (String topic : new String[] {Topics.MARKETING_LEADS, Topics.MARKETING_CAMPAIGNS, Topics.SALES_PIPELINE}) {
                assertThat(scrape.samples("kafka_consumer_fetch_manager_records_lag"))
                        .filteredOn(sample -> sample.has("topic", topic) && !Double.isNaN(sample.value()))
                        .as("the lag of each partition of %s", topic)
                        .extracting(sample -> sample.labels().get("partition"))
                        .containsExactlyInAnyOrder("0", "1", "2");
            }
        });
    }
}
