package dev.funnel.sales.messaging;

import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.EventCodec;
import dev.funnel.contracts.EventType;
import dev.funnel.sales.metrics.FunnelMeters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where use cases put the events their change announces. Only inside their transaction (MANDATORY):
 * the row commits or rolls back with the state, and the relay is woken as soon as it commits. The
 * funnel's counters count the same events then, so they count only what committed.
 */
@ApplicationScoped
public class Outbox {

    /** Key of the transaction's list of the events it appended, made when it appends its first. */
    private static final Object APPENDED = new Object();

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Inject
    FunnelMeters meters;

    /** Appends the event; its row keeps the trace the caller is in (a request's, or a lead event's), for the relay. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> CloudEvent append(EventType<T> type, Object aggregateId, T payload, Instant occurredAt) {
        CloudEvent event = CloudEvent.of(type, aggregateId, occurredAt);
        em.persist(new OutboxEvent(event, type.topic(), EventCodec.write(payload), EventTrace.current()));
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
