package dev.funnel.contracts;

import java.util.Objects;

/**
 * One kind of event: its CloudEvents {@code type} (reverse-DNS with a version), the topic it travels
 * on, the service that emits it, the payload record and the JSON Schema of that payload.
 *
 * @param type    CloudEvents {@code type}, e.g. {@code dev.funnel.marketing.lead.generated.v1}
 * @param topic   the Kafka topic
 * @param source  CloudEvents {@code source} of the producing service
 * @param payload the record that is the event's data
 * @param schema  classpath location of the payload's JSON Schema
 */
public record EventType<T>(String type, String topic, String source, Class<T> payload, String schema) {

    public EventType {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(schema, "schema");
    }
}
