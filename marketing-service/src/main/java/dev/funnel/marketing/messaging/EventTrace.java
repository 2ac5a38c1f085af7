package dev.funnel.marketing.messaging;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Headers;

/**
 * The W3C trace context an event was written under, kept in its outbox row: the relay sends the event
 * later, from its own thread and perhaps from another instance, and the record must still continue the
 * trace of the request that caused it.
 *
 * <p>The record carries it in the plain {@code traceparent} and {@code tracestate} headers, the names
 * OpenTelemetry's Kafka instrumentation and SmallRye's Kafka connector read, so any traced consumer
 * continues the trace without knowing our envelope. Not as the CloudEvents distributed-tracing extension
 * ({@code ce_traceparent}): that attribute is meant for the event's creation context when the transport
 * carries another; ours is the creation context, so it would only repeat the same value under a name
 * fewer consumers read.
 *
 * @param traceparent the W3C {@code traceparent} value
 * @param tracestate  the W3C {@code tracestate} value, or null when the trace has none
 */
record EventTrace(String traceparent, String tracestate) {

    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";

    /** Only the W3C fields: they are what the outbox row has columns for, whatever else is propagated. */
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<EventTrace> FIELDS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(EventTrace trace) {
            return List.of(TRACEPARENT, TRACESTATE);
        }

        @Override
        public String get(EventTrace trace, String key) {
            return switch (key) {
                case TRACEPARENT -> trace.traceparent;
                case TRACESTATE -> trace.tracestate;
                default -> null;
            };
        }
    };

    /** The trace the calling thread is in, or null outside any trace. */
    static EventTrace current() {
        Map<String, String> fields = new HashMap<>(2);
        W3C.inject(Context.current(), fields, Map::put);
        String traceparent = fields.get(TRACEPARENT);
        return traceparent == null ? null : new EventTrace(traceparent, fields.get(TRACESTATE));
    }

    /**
     * Starts the span of one publication, a child of this trace, and writes its context into the record's
     * headers; the caller ends it when Kafka answers.
     */
    Span publish(Tracer tracer, String topic, String eventId, Headers headers) {
        Span span = tracer.spanBuilder(topic + " publish")
                .setParent(W3C.extract(Context.root(), this, FIELDS))
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute(AttributeKey.stringKey("messaging.system"), "kafka")
                .setAttribute(AttributeKey.stringKey("messaging.destination.name"), topic)
                .setAttribute(AttributeKey.stringKey("messaging.message.id"), eventId)
                .startSpan();
        W3C.inject(Context.root().with(span), headers,
                (target, name, value) -> target.remove(name).add(name, value.getBytes(StandardCharsets.UTF_8)));
        return span;
    }

    /** Ends a publication's span, as failed when Kafka refused the record. */
    static void published(Span span, Exception failure) {
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, "Kafka did not take the record");
        }
        span.end();
    }
}
