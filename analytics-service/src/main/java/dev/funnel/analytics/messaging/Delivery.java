package dev.funnel.analytics.messaging;

import dev.funnel.analytics.config.AnalyticsConfig;
import dev.funnel.analytics.metrics.EventMeters;
import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.EventCodec;
import dev.funnel.contracts.EventType;
import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.InvalidEventException;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

/**
 * What every consumer does with a record, whatever its topic: read the CloudEvents envelope from the headers,
 * the payload by its type, and hand both to the handler until it succeeds. A message that can never be
 * processed ({@link InvalidEventException}) is thrown back, so SmallRye parks it on the dead-letter topic
 * with the reason and carries on. Any other failure (the database is down) is retried: a good event is never
 * dead-lettered or skipped, and the events after it on its partition wait, keeping their order.
 */
final class Delivery {

    private static final Logger LOG = Logger.getLogger(Delivery.class);

    /** Applies one event; runs again after a failure. False when the event was applied before. */
    interface Handling<T> {
        boolean handle(CloudEvent event, T payload);
    }

    private Delivery() {
    }

    /**
     * Decodes the record as an event of this topic and hands it to the handler until it is handled, then counts it:
     * applied or a duplicate once its transaction committed, or parked when it can never be processed.
     */
    static <T> void deliver(ConsumerRecord<String, String> record, Class<T> topicEvents, String topic,
                            Handling<T> handling, AnalyticsConfig.Retry retry, EventMeters meters) {
        boolean applied;
        try {
            CloudEvent event = envelope(record);
            T payload = decode(event, record.value(), topicEvents, topic);
            applied = handleUntilDone(event, payload, handling, retry);
        } catch (InvalidEventException poison) {
            meters.parked(topic);
            throw poison;
        }
        meters.handled(topic, applied);
    }

    /** The CloudEvents envelope in the record's headers; {@link InvalidEventException} when it has none. */
    static CloudEvent envelope(ConsumerRecord<String, String> record) {
        return CloudEvent.fromHeaders(name -> lastHeader(record, name));
    }

    static <T> T decode(CloudEvent event, String json, Class<T> topicEvents, String topic) {
        EventType<?> type = EventTypes.byType(event.type())
                .orElseThrow(() -> new InvalidEventException("unknown event type " + event.type()));
        if (json == null) {
            throw new InvalidEventException("the record has no payload");
        }
        Object payload = EventCodec.read(json, type);
        if (topicEvents.isInstance(payload)) {
            return topicEvents.cast(payload);
        }
        throw new InvalidEventException(event.type() + " is not an event of " + topic);
    }

    private static <T> boolean handleUntilDone(CloudEvent event, T payload, Handling<T> handling,
                                               AnalyticsConfig.Retry retry) {
        Duration pause = Duration.ZERO;
        boolean interrupted = false;
        boolean applied;
        while (true) {
            try {
                applied = handling.handle(event, payload);
                if (!pause.isZero()) {
                    LOG.infof("event %s handled after retrying; consuming resumed", event.id());
                }
                break;
            } catch (InvalidEventException e) {
                throw e;
            } catch (RuntimeException e) {
                pause = pause.isZero() ? retry.firstPause() : min(pause.multipliedBy(2), retry.maxPause());
                LOG.warnf("handling event %s (%s) failed (%s); next attempt in %d ms",
                        event.id(), event.type(), rootMessage(e), pause.toMillis());
                interrupted |= sleep(pause);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return applied;
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
