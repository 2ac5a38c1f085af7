package dev.funnel.contracts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * The CloudEvents 1.0 attributes of one event, carried in Kafka binary mode: each attribute is a
 * {@code ce_}-prefixed header and the record value is the JSON payload alone, so any Kafka client
 * can read it without a CloudEvents SDK.
 *
 * @param id      unique per event and stable across re-publication: every consumer's idempotency key
 * @param type    e.g. {@code dev.funnel.marketing.lead.generated.v1}
 * @param source  the producing service
 * @param subject the aggregate id (lead or campaign), also the Kafka key
 * @param time    when the fact happened
 */
public record CloudEvent(UUID id, String type, String source, String subject, Instant time) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    public static final String HEADER_SPEC_VERSION = "ce_specversion";
    public static final String HEADER_ID = "ce_id";
    public static final String HEADER_TYPE = "ce_type";
    public static final String HEADER_SOURCE = "ce_source";
    public static final String HEADER_SUBJECT = "ce_subject";
    public static final String HEADER_TIME = "ce_time";
    /** Binary mode carries the data content type in the transport's own header. */
    public static final String HEADER_CONTENT_TYPE = "content-type";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
    }

    /** A new event of the given type about one aggregate, with a fresh id ({@link TimeOrderedIds}). */
    public static CloudEvent of(EventType<?> type, Object subject, Instant time) {
        return new CloudEvent(TimeOrderedIds.next(), type.type(), type.source(), subject.toString(), time);
    }

    /** The headers of this event in Kafka binary mode, in a stable order. */
    public Map<String, byte[]> headers() {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put(HEADER_SPEC_VERSION, utf8(SPEC_VERSION));
        headers.put(HEADER_ID, utf8(id.toString()));
        headers.put(HEADER_TYPE, utf8(type));
        headers.put(HEADER_SOURCE, utf8(source));
        headers.put(HEADER_SUBJECT, utf8(subject));
        headers.put(HEADER_TIME, utf8(time.toString()));
        headers.put(HEADER_CONTENT_TYPE, utf8(CONTENT_TYPE));
        return headers;
    }

    /**
     * Reads the attributes back from headers.
     *
     * @param header the last value of a header, or null when absent
     * @throws InvalidEventException naming the first missing or malformed attribute
     */
    public static CloudEvent fromHeaders(Function<String, byte[]> header) {
        String specVersion = required(header, HEADER_SPEC_VERSION);
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new InvalidEventException(
                    HEADER_SPEC_VERSION + " '" + specVersion + "' is not supported, expected " + SPEC_VERSION);
        }
        UUID id;
        try {
            id = UUID.fromString(required(header, HEADER_ID));
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(HEADER_ID + " is not a UUID");
        }
        Instant time;
        try {
            time = Instant.parse(required(header, HEADER_TIME));
        } catch (DateTimeParseException e) {
            throw new InvalidEventException(HEADER_TIME + " is not an ISO-8601 instant");
        }
        return new CloudEvent(id, required(header, HEADER_TYPE), required(header, HEADER_SOURCE),
                required(header, HEADER_SUBJECT), time);
    }

    private static String required(Function<String, byte[]> header, String name) {
        byte[] value = header.apply(name);
        if (value == null || value.length == 0) {
            throw new InvalidEventException("header " + name + " is missing");
        }
        return new String(value, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
