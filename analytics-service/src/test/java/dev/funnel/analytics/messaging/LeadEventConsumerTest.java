package dev.funnel.analytics.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

/** The adapter's choice between retrying and dead-lettering, without Kafka or a database. */
class LeadEventConsumerTest {

    /** Fails as often as told, with the failure given, then records what it handled. Not a bean. */
    @Vetoed
    static class FlakyHandler extends LeadEventHandler {
        final List<LeadEvent> handled = new ArrayList<>();
        final RuntimeException failure;
        int failuresLeft;
        int attempts;

        FlakyHandler(int failures, RuntimeException failure) {
            this.failuresLeft = failures;
            this.failure = failure;
        }

        @Override
        public boolean handle(CloudEvent event, LeadEvent payload) {
            attempts++;
            if (failuresLeft-- > 0) {
                throw failure;
            }
            handled.add(payload);
            return true;
        }
    }

    private static LeadEventConsumer consumer(LeadEventHandler handler) {
        LeadEventConsumer consumer = new LeadEventConsumer();
        consumer.handler = handler;
        consumer.tracer = OpenTelemetry.noop().getTracer("test");
        consumer.meters = new EventMeters(new SimpleMeterRegistry());
        consumer.config = new AnalyticsConfig() {
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
        return consumer;
    }

    private static ConsumerRecord<String, String> record(CloudEvent event, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.MARKETING_LEADS, 0, 0L, event.subject(), value);
        event.headers().forEach((name, bytes) -> record.headers().add(new RecordHeader(name, bytes)));
        return record;
    }

    private static ConsumerRecord<String, String> erasure(UUID leadId) {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        return record(CloudEvent.of(EventTypes.LEAD_ERASED, leadId, now), EventCodec.write(new LeadErased(leadId, now)));
    }

    @Test
    void databaseFailuresAreRetriedUntilTheEventIsHandled() {
        FlakyHandler handler = new FlakyHandler(5, new PersistenceException("connection refused"));
        UUID leadId = UUID.randomUUID();

        consumer(handler).consume(erasure(leadId));

        assertThat(handler.attempts).isEqualTo(6);
        assertThat(handler.handled).containsExactly(new LeadErased(leadId, Instant.parse("2030-01-01T00:00:00Z")));
    }

    @Test
    void invalidEventFromTheHandlerIsThrownBackAtOnceForTheDeadLetterTopic() {
        FlakyHandler handler = new FlakyHandler(1, new InvalidEventException("payload field leadId is missing"));

        assertThatThrownBy(() -> consumer(handler).consume(erasure(UUID.randomUUID())))
                .isInstanceOf(InvalidEventException.class);
        assertThat(handler.attempts).isEqualTo(1);
    }

    @Test
    void unknownEventTypeIsInvalidAndNeverHandled() {
        FlakyHandler handler = new FlakyHandler(0, null);
        UUID leadId = UUID.randomUUID();
        CloudEvent unknown = new CloudEvent(UUID.randomUUID(), "dev.funnel.marketing.lead.teleported.v1",
                "/funnel/marketing-service", leadId.toString(), Instant.now());

        assertThatThrownBy(() -> consumer(handler).consume(record(unknown, "{}")))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("unknown event type dev.funnel.marketing.lead.teleported.v1");
        assertThat(handler.attempts).isZero();
    }

    @Test
    void recordWithoutPayloadIsInvalid() {
        UUID leadId = UUID.randomUUID();
        ConsumerRecord<String, String> tombstone = record(CloudEvent.of(EventTypes.LEAD_ERASED, leadId, Instant.now()), null);

        assertThatThrownBy(() -> consumer(new FlakyHandler(0, null)).consume(tombstone))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("no payload");
    }

    @Test
    void recordWithoutCloudEventsHeadersIsInvalid() {
        ConsumerRecord<String, String> bare = new ConsumerRecord<>(Topics.MARKETING_LEADS, 0, 0L, "k", "{}");

        assertThatThrownBy(() -> consumer(new FlakyHandler(0, null)).consume(bare))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("ce_specversion");
    }
}
