package dev.funnel.marketing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.hibernate.Session;

/**
 * Rows a transaction writes with plain JDBC all at once, just before it commits: a group of leads captured
 * together then costs one statement a table instead of one a row (or Hibernate's insert machinery a row).
 * Nothing reads these rows back in the transaction that writes them.
 * Each kind of row has a key; the rows of one kind are written in the order they were staged.
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

    /**
     * One column of a multi-row insert, as an array to {@code unnest} into rows: a statement of one array a
     * column costs the database the same to prepare for any number of rows, where a multi-row {@code VALUES}
     * (the driver's rewrite of a batch) prepares its expressions again for every row, and each size of
     * batch is a statement of its own. The statement casts each array to its column's type; instants and JSON
     * go as text, which the driver has no array encoding of its own for.
     */
    public static <R> Array column(Connection connection, String type, List<R> rows, Function<R, Object> value)
            throws SQLException {
        Object[] values = elements(type, rows.size());
        for (int i = 0; i < values.length; i++) {
            values[i] = value.apply(rows.get(i));
        }
        return connection.createArrayOf(type, values);
    }

    /**
     * An array the driver sends in binary where it can (text, varchar, int4, bool). An array of any other
     * class goes as one text literal, escaped character by character: for the outbox's JSON payloads that
     * was half of what writing the rows cost marketing (3.5% of its CPU samples under load, 0.6% since).
     */
    private static Object[] elements(String type, int size) {
        return switch (type) {
            case "text", "varchar" -> new String[size];
            case "int4" -> new Integer[size];
            case "bool" -> new Boolean[size];
            default -> new Object[size];
        };
    }
}
