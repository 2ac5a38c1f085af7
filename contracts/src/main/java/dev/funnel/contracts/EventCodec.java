package dev.funnel.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapping of event payloads. Absent optional fields are left out rather than written
 * as null; unknown fields are ignored when reading, because a version may grow new fields.
 */
public final class EventCodec {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /** The payload as JSON text. */
    public static String write(Object payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + payload.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * The payload of an event of this type.
     *
     * @throws InvalidEventException when the JSON is malformed or does not fit the payload record
     */
    public static <T> T read(String json, EventType<T> type) {
        try {
            return JSON.readValue(json, type.payload());
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("payload is not a valid " + type.type() + ": " + e.getOriginalMessage(), e);
        }
    }

    private EventCodec() {
    }
}
