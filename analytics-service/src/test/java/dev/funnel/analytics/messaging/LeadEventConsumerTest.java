package dev.funnel.analytics.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.analytics.config.AnalyticsConfig;
import dev.funnel.analytics.metrics.EventMeters;
import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.EventCodec;
import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.InvalidEventException;
import dev.funnel.contracts.Topics;
import dev.funnel.contracts.lead.LeadErased;
import dev.funnel.contracts.lead.LeadEvent;
import io.opentelemetry.api.OpenTelemetry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.enterprise.inject.Vetoed;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

/** The consumer's choices between applying, retrying and parking, for a poll of records, without Kafka or a database. */
class LeadEventConsumerTest {

    private static final Instant ERASED_AT = Instant.parse("2030-01-01T00:00:00Z");

    /**
     * Fails while told to (for the events it is told to fail), with the failure given, then records what it
     * handled. Not a bean.
     */
    @Vetoed
    static class FlakyHandler extends LeadEventHandler {
        final List<LeadEvent> handled = new ArrayList<>();
        final RuntimeException failure;
        final UUID failing;
        int failuresLeft;
        int attempts;

        FlakyHandler(int failures, RuntimeException failure) {
            this(failures, failure, null);
        }

        /** Fails only for the lead {@code failing}, or for any lead when it is null. */
        FlakyHandler(int failures, RuntimeException failure, UUID failing) {
            this.failuresLeft = failures;
            this.failure = failure;
            this.failing = failing;
        }

        @Override
        public boolean handle(CloudEvent event, LeadEvent payload) {
            attempts++;
            if ((failing == null || failing.equals(payload.leadId())) && failuresLeft-- > 0) {
                throw failure;
            }
            handled.add(payload);
            return true;
        }
    }

    /** Records what it parks instead of sending it. Not a bean. */
    @Vetoed
    static class ParkedRecords extends DeadLetters {
        final List<ConsumerRecord<String, String>> records = new ArrayList<>();
        final List<Throwable> reasons = new ArrayList<>();

        @Override
        public void park(ConsumerRecord<String, String> record, Throwable reason) {
            records.add(record);
            reasons.add(reason);
        }
    }

    private final ParkedRecords parked = new ParkedRecords();

    private LeadEventConsumer consumer(FlakyHandler handler) {
        // a failed transaction leaves nothing behind: what the handler recorded in it is taken back
        PollDelivery delivery = new PollDelivery() {
            @Override
            <R> R inOneTransaction(List<Polled<?>> polled, Supplier<R> work) {
                int before = handler.handled.size();
                try {
                    return work.get();
                } catch (RuntimeException e) {
                    handler.handled.subList(before, handler.handled.size()).clear();
                    throw e;
                }
            }
        };
        delivery.tracer = OpenTelemetry.noop().getTracer("test");
        delivery.meters = new EventMeters(new SimpleMeterRegistry());
        delivery.deadLetters = parked;
        delivery.config = new AnalyticsConfig() {
            @Override
            public Retry retry() {
                return new Retry() {
                    @Override
                    public Duration firstPause() {
                        return Duration.ofMillis(1);
                    }

                    @Override
                    public Duration maxPause() {
                        return Duration.ofMillis(4);
                    }
                };
            }

            @Override
            public Rebuild rebuild() {
                throw new UnsupportedOperationException("not used by a consumer");
            }
        };
        LeadEventConsumer consumer = new LeadEventConsumer();
        consumer.handler = handler;
        consumer.delivery = delivery;
        return consumer;
    }

    @SafeVarargs
    private static ConsumerRecords<String, String> poll(ConsumerRecord<String, String>... records) {
        return new ConsumerRecords<>(Map.of(new TopicPartition(Topics.MARKETING_LEADS, 0), List.of(records)));
    }

    private static ConsumerRecord<String, String> record(CloudEvent event, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.MARKETING_LEADS, 0, 0L, event.subject(), value);
        event.headers().forEach((name, bytes) -> record.headers().add(new RecordHeader(name, bytes)));
        return record;
    }

    private static ConsumerRecord<String, String> erasure(UUID leadId) {
        return record(CloudEvent.of(EventTypes.LEAD_ERASED, leadId, ERASED_AT),
                EventCodec.write(new LeadErased(leadId, ERASED_AT)));
    }

    private static ConsumerRecord<String, String> unknownType() {
        CloudEvent unknown = new CloudEvent(UUID.randomUUID(), "dev.funnel.marketing.lead.teleported.v1",
                "/funnel/marketing-service", UUID.randomUUID().toString(), Instant.now());
        return record(unknown, "{}");
    }

    @Test
    void aPollIsAppliedInOrderWithItsPoisonParkedInBetween() {
        FlakyHandler handler = new FlakyHandler(0, null);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        ConsumerRecord<String, String> poison = unknownType();

        consumer(handler).consume(poll(erasure(first), poison, erasure(second)));

        assertThat(handler.handled).containsExactly(new LeadErased(first, ERASED_AT), new LeadErased(second, ERASED_AT));
        assertThat(handler.attempts).isEqualTo(2);
        assertThat(parked.records).containsExactly(poison);
        assertThat(parked.reasons.get(0)).hasMessageContaining("unknown event type dev.funnel.marketing.lead.teleported.v1");
    }

    @Test
    void databaseFailuresAreRetriedUntilTheEventIsHandled() {
        FlakyHandler handler = new FlakyHandler(5, new PersistenceException("connection refused"));
        UUID leadId = UUID.randomUUID();

        consumer(handler).consume(poll(erasure(leadId)));

        // the poll's transaction, then one at a time: four more failures, then the event passes
        assertThat(handler.attempts).isEqualTo(6);
        assertThat(handler.handled).containsExactly(new LeadErased(leadId, ERASED_AT));
        assertThat(parked.records).isEmpty();
    }

    @Test
    void oneFailingEventLeavesTheRestOfThePollAppliedOnceEach() {
        UUID failing = UUID.randomUUID();
        UUID before = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        FlakyHandler handler = new FlakyHandler(2, new PersistenceException("deadlock detected"), failing);

        consumer(handler).consume(poll(erasure(before), erasure(failing), erasure(after)));

        assertThat(handler.handled).containsExactly(new LeadErased(before, ERASED_AT),
                new LeadErased(failing, ERASED_AT), new LeadErased(after, ERASED_AT));
        assertThat(parked.records).isEmpty();
    }

    @Test
    void anEventTheHandlerFindsInvalidIsParkedAndTheOthersApplied() {
        UUID invalid = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        FlakyHandler handler = new FlakyHandler(Integer.MAX_VALUE,
                new InvalidEventException("payload field leadId is missing"), invalid);
        ConsumerRecord<String, String> poison = erasure(invalid);

        consumer(handler).consume(poll(poison, erasure(other)));

        assertThat(handler.handled).containsExactly(new LeadErased(other, ERASED_AT));
        assertThat(parked.records).containsExactly(poison);
        assertThat(parked.reasons.get(0)).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void recordWithoutPayloadIsParked() {
        UUID leadId = UUID.randomUUID();
        ConsumerRecord<String, String> tombstone = record(CloudEvent.of(EventTypes.LEAD_ERASED, leadId, Instant.now()), null);
        FlakyHandler handler = new FlakyHandler(0, null);

        consumer(handler).consume(poll(tombstone));

        assertThat(handler.attempts).isZero();
        assertThat(parked.records).containsExactly(tombstone);
        assertThat(parked.reasons.get(0)).hasMessageContaining("no payload");
    }

    @Test
    void recordWithoutCloudEventsHeadersIsParked() {
        ConsumerRecord<String, String> bare = new ConsumerRecord<>(Topics.MARKETING_LEADS, 0, 0L, "k", "{}");

        consumer(new FlakyHandler(0, null)).consume(poll(bare));

        assertThat(parked.records).containsExactly(bare);
        assertThat(parked.reasons.get(0)).hasMessageContaining("ce_specversion");
    }
}
