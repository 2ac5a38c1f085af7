package dev.funnel.analytics.messaging;

import dev.funnel.analytics.config.AnalyticsConfig;
import dev.funnel.analytics.metrics.EventMeters;
import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.EventCodec;
import dev.funnel.contracts.EventType;
import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.InvalidEventException;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.Logger;

/**
 * What every consumer does with a record, whatever its topic: read the CloudEvents envelope from the headers,
 * the payload by its type, and hand both to the handler until it succeeds. A message that can never be
 * processed ({@link InvalidEventException}) is thrown back, so SmallRye parks it on the dead-letter topic
 * with the reason and carries on. Any other failure (the database is down) is retried: a good event is never
 * dead-lettered or skipped, and the events after it on its partition wait, keeping their order.
 *
 * <p>Each record is applied under a span whose parent is the W3C trace context in its {@code traceparent}
 * and {@code tracestate} headers, so the rollup update joins the trace of the lead's POST or of the sales
 * move behind it. SmallRye's own tracing of the channels is off: this span is the one per event.
 */
final class Delivery {

    private static final Logger LOG = Logger.getLogger(Delivery.class);

    /** Applies one event; runs again after a failure. False when the event was applied before. */
    interface Handling<T> {
        boolean handle(CloudEvent event, T payload);
    }

    private static final TextMapGetter<Headers> RECORD_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return StreamSupport.stream(headers.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers.lastHeader(key);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private Delivery() {
    }

    /**
     * Decodes the record as an event of this topic and hands it to the handler until it is handled, all
     * under the record's span, then counts it: applied or a duplicate once its transaction committed, or
     * parked when it can never be processed.
     */
    static <T> void deliver(ConsumerRecord<String, String> record, Class<T> topicEvents, String topic,
                            Handling<T> handling, AnalyticsConfig.Retry retry, Tracer tracer, EventMeters meters) {
        Span span = span(tracer, record, topic);
        boolean applied;
        try (Scope traced = span.makeCurrent()) {
            CloudEvent event = envelope(record);
            span.setAttribute(AttributeKey.stringKey("messaging.message.id"), event.id().toString());
            span.setAttribute(AttributeKey.stringKey("cloudevents.event_type"), event.type());
            T payload = decode(event, record.value(), topicEvents, topic);
            applied = handleUntilDone(event, payload, handling, retry);
        } catch (InvalidEventException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, "sent to the dead-letter topic");
            meters.parked(topic);
            throw e;
        } finally {
            span.end();
        }
        meters.handled(topic, applied);
    }

    /** The span a record is processed under, a child of the trace context in its headers. */
    static Span span(Tracer tracer, ConsumerRecord<String, String> record, String topic) {
        return tracer.spanBuilder(topic + " process")
                .setParent(W3CTraceContextPropagator.getInstance().extract(Context.root(), record.headers(), RECORD_HEADERS))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(AttributeKey.stringKey("messaging.system"), "kafka")
                .setAttribute(AttributeKey.stringKey("messaging.destination.name"), topic)
                .startSpan();
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

    /** Hands the event to the handler until it no longer fails; an {@link InvalidEventException} is thrown back. */
    static <T> boolean handleUntilDone(CloudEvent event, T payload, Handling<T> handling,
                                       AnalyticsConfig.Retry retry) {
        Duration pause = Duration.ZERO;
        boolean interrupted = false;
        boolean applied;
        while (true) {
            try {
                applied = handling.handle(event, payload);
                if (!pause.isZero()) {
                    LOG.infof("event %s (subject %s) handled after retrying; consuming resumed", event.id(),
                            event.subject());
                }
                break;
            } catch (InvalidEventException e) {
                throw e;
            } catch (RuntimeException e) {
                pause = pause.isZero() ? retry.firstPause() : min(pause.multipliedBy(2), retry.maxPause());
                // the subject is the lead's (or campaign's) id, so the line can be traced to its lead
                LOG.warnf("handling event %s (%s of %s) failed (%s); next attempt in %d ms",
                        event.id(), event.type(), event.subject(), rootMessage(e), pause.toMillis());
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
