package dev.funnel.sales.messaging;

import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.EventCodec;
import dev.funnel.contracts.EventType;
import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.InvalidEventException;
import dev.funnel.contracts.lead.LeadEvent;
import dev.funnel.sales.LeadIntake;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code marketing.leads}. A message that can never be processed (bad envelope, unknown type,
 * payload that does not fit) is thrown out to the dead-letter topic and the consumer goes on; any
 * other failure, such as the database being away, is retried here until it passes, so nothing is
 * lost and a lead's events stay in order.
 */
@ApplicationScoped
public class LeadEventConsumer {

    private static final Logger LOG = Logger.getLogger(LeadEventConsumer.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    @Inject
    LeadIntake intake;

    @Incoming("lead-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) throws InterruptedException {
        CloudEvent envelope = CloudEvent.fromHeaders(name -> {
            Header header = record.headers().lastHeader(name);
            return header == null ? null : header.value();
        });
        EventType<?> type = EventTypes.byType(envelope.type())
                .orElseThrow(() -> new InvalidEventException("unknown event type " + envelope.type()));
        if (!(EventCodec.read(record.value(), type) instanceof LeadEvent event)) {
            throw new InvalidEventException(envelope.type() + " is not a lead event");
        }
        Duration backoff = Duration.ofMillis(200);
        while (true) {
            try {
                intake.take(envelope, event);
                return;
            } catch (RuntimeException e) {
                LOG.warnf("applying event %s failed (%s); retrying in %d ms", envelope.id(), e.getMessage(), backoff.toMillis());
                Thread.sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }
}
