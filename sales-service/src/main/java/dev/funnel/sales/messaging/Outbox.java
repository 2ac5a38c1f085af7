package dev.funnel.sales.messaging;

import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.EventCodec;
import dev.funnel.contracts.EventType;
import dev.funnel.sales.metrics.FunnelMeters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.hibernate.Session;

/**
 * Where use cases put the events their change announces. Only inside their transaction (MANDATORY):
 * the rows commit or roll back with the state, and the relay is woken as soon as they commit. The
 * funnel's counters count the same events then, so they count only what committed.
 *
 * <p>A transaction's events are written together just before it commits, in one batch in the order they
 * were appended: a poll of lead events applied in one transaction costs one round trip for all the events
 * it causes instead of two each (a sequence value, then the insert). Ids are drawn from the sequence as
 * the rows are inserted, so a lead's later change, committed after, gets the larger id.
 */
@ApplicationScoped
public class Outbox {

    /** Key of the transaction's events, staged until just before it commits. */
    private static final Object STAGED = new Object();
    private static final String INSERT = """
            INSERT INTO outbox_event (event_id, event_type, source, topic, event_key, occurred_at, payload,
                                      traceparent, tracestate)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Inject
    FunnelMeters meters;

    /** An appended event as its row will hold it, with its payload for the counters. */
    private record Row(CloudEvent event, String topic, String json, EventTrace trace, Object payload) {
    }

    /**
     * Appends the event, to be written as a row of {@link OutboxEvent} before the transaction commits.
     * Plain JDBC on the transaction's connection: Hibernate's insert machinery is not needed for a row
     * that is never read back in this transaction. The row keeps the trace the caller is in (a request's,
     * or a lead event's), for the relay to send on.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> CloudEvent append(EventType<T> type, Object aggregateId, T payload, Instant occurredAt) {
        CloudEvent event = CloudEvent.of(type, aggregateId, occurredAt);
        stagedHere().add(new Row(event, type.topic(), EventCodec.write(payload), EventTrace.current(), payload));
        return event;
    }

    /** The events this transaction appended; the first call registers their write and what follows the commit. */
    @SuppressWarnings("unchecked")
    private List<Row> stagedHere() {
        List<Row> staged = (List<Row>) transactions.getResource(STAGED);
        if (staged != null) {
            return staged; // one write and one wake-up per transaction, however many events it appends
        }
        List<Row> first = new ArrayList<>();
        Session session = em.unwrap(Session.class);
        // joins the transaction and enlists its connection now: neither may begin while it completes
        session.doWork(connection -> { });
        transactions.putResource(STAGED, first);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // The transaction's own connection, asked of the pool and closed again before the commit: Hibernate
                // may already have let its handle go (its own synchronization can run first), and a handle it took
                // again now would stay open through the commit, which the pool warns of at every commit.
                try (Connection connection = dataSource.getConnection()) {
                    insert(connection, first);
                } catch (SQLException e) {
                    throw new PersistenceException("writing the transaction's events to the outbox failed", e);
                }
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                    first.forEach(row -> meters.committed(row.payload()));
                }
            }
        });
        return first;
    }

    private static void insert(Connection connection, List<Row> rows) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Row row : rows) {
                insert.setObject(1, row.event().id());
                insert.setString(2, row.event().type());
                insert.setString(3, row.event().source());
                insert.setString(4, row.topic());
                insert.setString(5, row.event().subject());
                insert.setObject(6, row.event().time().atOffset(ZoneOffset.UTC));
                insert.setString(7, row.json());
                insert.setString(8, row.trace() == null ? null : row.trace().traceparent());
                insert.setString(9, row.trace() == null ? null : row.trace().tracestate());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
