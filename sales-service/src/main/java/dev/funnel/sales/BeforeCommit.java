package dev.funnel.sales;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.hibernate.Session;

/**
 * Rows a transaction writes all at once with plain JDBC, just before it commits: a poll of lead events
 * applied in one transaction then costs one statement a table for its new leads, their history and the
 * events they cause, instead of Hibernate's insert machinery a row (a seventh of intake's CPU samples).
 * Each kind of row has a key; a transaction's rows of one kind are written together, in the order they
 * were staged, after Hibernate flushed its own changes. A staged row is written as its object is then, so
 * a later event of the same poll may still change it; nothing queries such a row before the commit.
 */
@ApplicationScoped
public class BeforeCommit {

    /** Writes all the rows of one kind a transaction staged, on the transaction's connection. */
    @FunctionalInterface
    public interface Write<R> {
        void write(Connection connection, List<R> rows) throws SQLException;
    }

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /**
     * This transaction's list of rows of the kind {@code key}, to add to. The first call in a transaction
     * registers their write (before the commit) and {@code committed} (after it, with the rows, only if it
     * committed); later calls return the same list.
     */
    @SuppressWarnings("unchecked")
    public <R> List<R> staged(Object key, String what, Write<R> write, Consumer<List<R>> committed) {
        List<R> staged = (List<R>) transactions.getResource(key);
        if (staged != null) {
            return staged;
        }
        List<R> first = new ArrayList<>();
        // joins the transaction and enlists its connection now: neither may begin while it completes
        em.unwrap(Session.class).doWork(connection -> { });
        transactions.putResource(key, first);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                if (first.isEmpty()) {
                    return;
                }
                // The transaction's own connection, asked of the pool and closed again before the commit: Hibernate
                // may already have let its handle go (its own synchronization can run first), and a handle it took
                // again now would stay open through the commit, which the pool warns of at every commit.
                try (Connection connection = dataSource.getConnection()) {
                    write.write(connection, first);
                } catch (SQLException e) {
                    throw new PersistenceException("writing the transaction's " + what + " failed", e);
                }
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    committed.accept(first);
                }
            }
        });
        return first;
    }
}
