package dev.funnel.analytics.api;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Tells a failure caused by the database being away (restarting, failing over, no connection to be had
 * in time) from one caused by the request: the first is answered 503, to be retried, not 500.
 *
 * <p>Causes are looked for among suppressed exceptions too: a connection lost at commit reaches the
 * caller as the transaction manager's {@code RollbackException}, which carries the driver's exception
 * only as a suppressed {@code XAException}, not as its cause.
 */
final class DatabaseUnreachable {

    private DatabaseUnreachable() {
    }

    /** True when some cause of {@code failure} is a lost or refused connection to the database. */
    static boolean explains(Throwable failure) {
        return anyCause(failure, DatabaseUnreachable::connectionFailure);
    }

    private static boolean connectionFailure(Throwable cause) {
        return cause instanceof SQLTransientConnectionException
                || cause instanceof SQLException sql && (connectionLost(sql.getSQLState())
                        || sql.getCause() instanceof TimeoutException); // the pool found no connection in time
    }

    /** SQLSTATE class 08 (connection exception) and 57P01-57P03 (server shutting down, restarting, not yet up). */
    private static boolean connectionLost(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }

    /** Whether {@code failure}, one of its causes, or one of theirs or their suppressed exceptions, is {@code wanted}. */
    private static boolean anyCause(Throwable failure, Predicate<Throwable> wanted) {
        return anyCause(failure, wanted, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean anyCause(Throwable failure, Predicate<Throwable> wanted, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return false;
        }
        if (wanted.test(failure)) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (anyCause(suppressed, wanted, seen)) {
                return true;
            }
        }
        return anyCause(failure.getCause(), wanted, seen);
    }
}
