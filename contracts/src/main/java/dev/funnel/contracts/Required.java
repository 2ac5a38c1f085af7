package dev.funnel.contracts;

/**
 * Guards the fields a schema marks required, in each payload's constructor: a payload missing one is
 * refused when it is made or read, never half-applied by a consumer.
 */
public final class Required {

    /** @throws IllegalArgumentException naming the field when it is null */
    public static void check(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
    }

    private Required() {
    }
}
