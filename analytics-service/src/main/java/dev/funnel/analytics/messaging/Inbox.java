package dev.funnel.analytics.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/**
 * The ids of the events whose effect is committed. Only inside the handler's transaction (MANDATORY):
 * the id commits or rolls back together with the effect, which makes redelivery harmless.
 */
@ApplicationScoped
public class Inbox {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** Records the event id; true the first time, false when the event was processed before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(UUID eventId) {
        // every handler starts here, so the swap lock is taken before the transaction touches a table
        SwapLock.share(em);
        // ON CONFLICT rather than a lookup: a second instance handling the same event after a rebalance
        // waits here for the first one's commit instead of both seeing "new".
        return em.createNativeQuery("""
                        INSERT INTO processed_event (event_id, processed_at) VALUES (?1, ?2)
                        ON CONFLICT (event_id) DO NOTHING""")
                // the row depends on no entity: without this, Hibernate would first check every entity the
                // transaction holds for changes, which a poll of a thousand events makes quadratic
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, eventId)
                .setParameter(2, clock.instant())
                .executeUpdate() == 1;
    }
}
