package dev.funnel.marketing.messaging;

import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.EventCodec;
import dev.funnel.contracts.EventType;
import dev.funnel.marketing.metrics.FunnelMeters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * Where use cases put the events their change announces. Only inside their transaction (MANDATORY):
 * the row commits or rolls back with the state, and the relay is woken as soon as it commits. The
 * funnel's counters count the same events then, so they count only what committed.
 */
@ApplicationScoped
public class Outbox {

    /** Key of the transaction's list of the events it appended, made when it appends its first. */
    private static final Object APPENDED = new Object();
    private static final String INSERT = """
            INSERT INTO outbox_event (event_id, event_type, source, topic, event_key, occurred_at, payload,
                                      traceparent, tracestate)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Inject
    FunnelMeters meters;

    /**
     * Appends the event as a row of {@link OutboxEvent}, written with plain JDBC on the transaction's
     * connection: an entity insert with a database-drawn id runs Hibernate's whole insert machinery at
     * once, which was a fifth of lead capture's CPU, for a row that is never read back in this transaction.
     * The row keeps the trace the caller is in (the request's, in lead capture), for the relay to send on.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> CloudEvent append(EventType<T> type, Object aggregateId, T payload, Instant occurredAt) {
        CloudEvent event = CloudEvent.of(type, aggregateId, occurredAt);
        String json = EventCodec.write(payload);
        EventTrace trace = EventTrace.current();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setObject(1, event.id());
                insert.setString(2, event.type());
                insert.setString(3, event.source());
                insert.setString(4, type.topic());
                insert.setString(5, event.subject());
                insert.setObject(6, event.time().atOffset(ZoneOffset.UTC));
                insert.setString(7, json);
                insert.setString(8, trace == null ? null : trace.traceparent());
                insert.setString(9, trace == null ? null : trace.tracestate());
                insert.executeUpdate();
            }
        });
        appendedHere().add(payload);
        return event;
    }

    /** The events this transaction appended; the first call registers what happens once it commits. */
    @SuppressWarnings("unchecked")
    private List<Object> appendedHere() {
        List<Object> appended = (List<Object>) transactions.getResource(APPENDED);
        if (appended != null) {
            return appended; // one wake-up per transaction, however many events it appends
        }
        List<Object> first = new ArrayList<>();
        transactions.putResource(APPENDED, first);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                    first.forEach(meters::committed);
                }
            }
        });
        return first;
    }
}
