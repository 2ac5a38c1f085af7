package dev.funnel.marketing.api;

import java.sql.SQLException;

/**
 * Tells a failure caused by a value PostgreSQL cannot hold (SQLSTATE class 22, data exception: a number past
 * numeric's range, a time past timestamptz's, a NUL character in text) from one of ours: the request brought
 * it, so it is answered 422, not 500. The fields' own checks catch what they know of; this is the net under them.
 */
final class ValueOutOfRange {

    private ValueOutOfRange() {
    }

    /** True when some cause of {@code failure} is PostgreSQL refusing a value. */
    static boolean explains(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }
}
