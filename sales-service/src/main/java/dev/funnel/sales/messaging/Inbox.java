package dev.funnel.sales.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** The ids of events already applied. Only inside the handler's transaction, so id and effect commit together. */
@ApplicationScoped
public class Inbox {

    @Inject
    EntityManager em;

    /** Records the event id; false when it was recorded before (a redelivery). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(UUID eventId) {
        return em.createNativeQuery("""
                INSERT INTO processed_event (event_id, processed_at) VALUES (?1, now())
                ON CONFLICT DO NOTHING""")
                .setParameter(1, eventId)
                .executeUpdate() == 1;
    }
}
