package dev.funnel.sales.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Query parameters parsed by hand, so a bad one is a 400 naming it rather than JAX-RS' anonymous answer. */
final class Parse {

    private Parse() {
    }

    static UUID uuid(String parameter, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(parameter, "must be a UUID");
        }
    }

    static int integer(String parameter, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(parameter, "must be a whole number");
        }
    }

    static Instant instant(String parameter, String value) {
        try {
            Instant instant = Instant.parse(value.strip());
            if (!PlausibleTime.Bounds.plausible(instant)) {
                throw new InvalidParameterException(parameter, "must be between the years 1900 and 2999");
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(parameter, "must be an ISO-8601 UTC time such as 2026-01-31T00:00:00Z");
        }
    }

    static <E extends Enum<E>> E enumValue(String parameter, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(parameter, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
