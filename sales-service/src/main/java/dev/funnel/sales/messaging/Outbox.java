package dev.funnel.sales.messaging;

import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.EventCodec;
import dev.funnel.contracts.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;

/**
 * Where use cases put the events their change announces. Only inside their transaction (MANDATORY):
 * the row commits or rolls back with the state, and the relay is woken as soon as it commits.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_REGISTERED = new Object();

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    /** Appends the event; its row keeps the trace the caller is in (a request's, or a lead event's), for the relay. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> CloudEvent append(EventType<T> type, Object aggregateId, T payload, Instant occurredAt) {
        CloudEvent event = CloudEvent.of(type, aggregateId, occurredAt);
        em.persist(new OutboxEvent(event, type.topic(), EventCodec.write(payload), EventTrace.current()));
        wakeRelayAfterCommit();
        return event;
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_REGISTERED) != null) {
            return; // one wake-up per transaction, however many events it appends
        }
        transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
