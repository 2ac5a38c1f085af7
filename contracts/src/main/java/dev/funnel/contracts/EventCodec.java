package dev.funnel.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.stream.Collectors;

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
     * @throws InvalidEventException when the JSON is malformed or does not fit the payload record; its
     *         message names the field and the expected type, never the value found (a payload may hold an
     *         email, and the message ends up in logs and dead-letter headers)
     */
    public static <T> T read(String json, EventType<T> type) {
        try {
            return JSON.readValue(json, type.payload());
        } catch (JsonProcessingException e) {
            // Jackson's own message quotes the offending text; the exception is deliberately not chained
            throw new InvalidEventException("payload is not a valid " + type.type() + ": " + withoutValues(e));
        }
    }

    /** What is wrong with the JSON, by field and expected type, without the text that was found. */
    static String withoutValues(JsonProcessingException e) {
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            Class<?> expected = mismatch.getTargetType();
            return "field " + field + (expected == null ? " has the wrong shape" : " is not a valid " + expected.getSimpleName());
        }
        if (e instanceof ValueInstantiationException refused && refused.getCause() != null
                && refused.getCause().getMessage() != null) {
            // the payload record's own check (Required, requireNonNull): its message names the field
            return refused.getCause().getMessage();
        }
        JsonLocation where = e.getLocation();
        String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
        return (e instanceof JsonParseException ? "malformed JSON" : "does not fit the payload") + at;
    }

    private EventCodec() {
    }
}
