package dev.funnel.analytics.messaging;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import org.hibernate.Session;

/**
 * The lock between live event handling and a rebuild's swap, held in the database so it spans every instance.
 * Each live handler transaction shares it; the swap holds it alone, so no live handler writes into tables that
 * are being replaced, and every event live has committed is below the topic ends the swap reads.
 *
 * <p>It must be the first statement of a handler's transaction: a statement that already named a table holds
 * a lock on it, and waiting here with that lock would deadlock with the swap dropping the table.
 */
public final class SwapLock {

    /** The advisory lock's key, one for the analytics database ("funnelA1" in ASCII). */
    public static final long KEY = 0x66756E6E656C4131L;

    private SwapLock() {
    }

    /** Takes the lock shared until the transaction ends; waits while a swap holds it. */
    public static void share(EntityManager em) {
        run(em, "SELECT pg_advisory_xact_lock_shared(?)");
    }

    /** Takes the lock alone until the transaction ends, once every live handler transaction holding it has ended. */
    public static void hold(EntityManager em) {
        run(em, "SELECT pg_advisory_xact_lock(?)");
    }

    // plain JDBC: the functions return void, which a native query's result mapping does not take
    private static void run(EntityManager em, String sql) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setLong(1, KEY);
                statement.execute();
            }
        });
    }
}
