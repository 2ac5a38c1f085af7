package dev.funnel.sales.api;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure caused by the database being away (restarting, failing over, no connection to be had
 * in time) from one caused by the request: the first is answered 503, to be retried, not 500.
 */
final class DatabaseUnreachable {

    private DatabaseUnreachable() {
    }

    /** True when some cause of {@code failure} is a lost or refused connection to the database. */
    static boolean explains(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && (connectionLost(sql.getSQLState())
                    || sql.getCause() instanceof TimeoutException)) { // the pool found no connection in time
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception) and 57P01-57P03 (server shutting down, restarting, not yet up). */
    private static boolean connectionLost(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }
}
