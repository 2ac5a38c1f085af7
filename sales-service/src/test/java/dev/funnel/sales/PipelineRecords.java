package dev.funnel.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.EventCodec;
import dev.funnel.contracts.EventSource;
import dev.funnel.contracts.EventType;
import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.Topics;
import dev.funnel.testing.ContractSchemas;
import dev.funnel.testing.FunnelInfrastructure;
import dev.funnel.testing.TopicRecords;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What sales really published on {@code sales.pipeline}, checked against the contracts as it is read. */
public final class PipelineRecords {

    private PipelineRecords() {
    }

    /**
     * The events about one lead, read once the outbox holds none of its events any more and
     * {@code expected} of them arrived (or after the wait, so a test sees too few, or one too many).
     * Each is checked: CloudEvents headers, key, source, and its payload against its JSON Schema in contracts.
     */
    public static List<ConsumerRecord<String, String>> about(UUID leadId, int expected) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(QuarkusTransaction.requiringNew()
                .call(() -> ((Number) Lead.getEntityManager()
                        .createNativeQuery("SELECT count(*) FROM outbox_event WHERE event_key = ?1")
                        .setParameter(1, leadId.toString()).getSingleResult()).longValue()))
                .as("events of lead %s still waiting in the outbox", leadId).isZero());
        List<ConsumerRecord<String, String>> records = TopicRecords.await(FunnelInfrastructure.bootstrapServers(),
                Topics.SALES_PIPELINE, TopicRecords.keyed(leadId), expected, Duration.ofSeconds(20));
        records.forEach(PipelineRecords::assertConforms);
        return records;
    }

    /** The CloudEvents types of the records, in topic order. */
    public static List<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> TopicRecords.cloudEvent(r).type()).toList();
    }

    /** The payload of a record of the given type. */
    public static <T> T payload(ConsumerRecord<String, String> record, EventType<T> type) {
        assertThat(TopicRecords.cloudEvent(record).type()).isEqualTo(type.type());
        return EventCodec.read(record.value(), type);
    }

    private static void assertConforms(ConsumerRecord<String, String> record) {
        CloudEvent envelope = TopicRecords.cloudEvent(record);
        EventType<?> type = EventTypes.byType(envelope.type()).orElseThrow();
        assertThat(type.topic()).isEqualTo(Topics.SALES_PIPELINE);
        assertThat(envelope.source()).isEqualTo(EventSource.SALES);
        assertThat(envelope.subject()).isEqualTo(record.key());
        assertThat(ContractSchemas.violations(type, record.value())).as(envelope.type() + " " + record.value()).isEmpty();
    }
}
