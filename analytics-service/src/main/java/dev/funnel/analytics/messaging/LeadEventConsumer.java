package dev.funnel.analytics.messaging;

import dev.funnel.analytics.config.AnalyticsConfig;
import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.EventCodec;
import dev.funnel.contracts.EventType;
import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.InvalidEventException;
import dev.funnel.contracts.Topics;
import dev.funnel.contracts.lead.LeadEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code marketing.leads}: the CloudEvents envelope from the headers, the payload by its type, then
 * the handler. A message that can never be processed ({@link InvalidEventException}) is thrown back, so
 * SmallRye parks it on {@code analytics.dead-letter} with the reason and carries on. Any other failure
 * (the database is down) is retried here until it succeeds: a good event is never dead-lettered or
 * skipped, and the events after it on its partition (the same lead's) wait, keeping their order.
 */
@ApplicationScoped
public class LeadEventConsumer {

    private static final Logger LOG = Logger.getLogger(LeadEventConsumer.class);

    @Inject
    LeadEventHandler handler;

    @Inject
    AnalyticsConfig config;

    @Incoming("lead-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        CloudEvent event = CloudEvent.fromHeaders(name -> lastHeader(record, name));
        LeadEvent payload = decode(event, record.value());
        handleUntilDone(event, payload);
    }

    static LeadEvent decode(CloudEvent event, String json) {
        EventType<?> type = EventTypes.byType(event.type())
                .orElseThrow(() -> new InvalidEventException("unknown event type " + event.type()));
        if (json == null) {
            throw new InvalidEventException("the record has no payload");
        }
        if (EventCodec.read(json, type) instanceof LeadEvent lead) {
            return lead;
        }
        throw new InvalidEventException(event.type() + " is not an event of " + Topics.MARKETING_LEADS);
    }

    private void handleUntilDone(CloudEvent event, LeadEvent payload) {
        Duration pause = Duration.ZERO;
        boolean interrupted = false;
        while (true) {
            try {
                handler.handle(event, payload);
                if (!pause.isZero()) {
                    LOG.infof("event %s handled after retrying; consuming resumed", event.id());
                }
                break;
            } catch (InvalidEventException e) {
                throw e;
            } catch (RuntimeException e) {
                pause = pause.isZero() ? config.retry().firstPause() : min(pause.multipliedBy(2), config.retry().maxPause());
                LOG.warnf("handling event %s (%s) failed (%s); next attempt in %d ms",
                        event.id(), event.type(), rootMessage(e), pause.toMillis());
                interrupted |= sleep(pause);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits, and tells whether the thread was interrupted meanwhile. An interruption (shutdown) does not end
     * the retries: returning would commit the offset past the event and throwing would dead-letter it, while
     * an event left unacknowledged is read again after the restart.
     */
    private static boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause);
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }

    private static byte[] lastHeader(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : header.value();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
