package dev.funnel.analytics.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The ids of the events whose effect is committed. Only inside the handler's transaction (MANDATORY):
 * the id commits or rolls back together with the effect, which makes redelivery harmless.
 */
@ApplicationScoped
public class Inbox {

    /** Key of the transaction's claims made ahead: event id, and whether this is its first delivery. */
    private static final Object CLAIMED = new Object();

    // ON CONFLICT rather than a lookup: a second instance handling the same event after a rebalance
    // waits here for the first one's commit instead of both seeing "new".
    private static final String CLAIM_ALL = """
            INSERT INTO processed_event (event_id, processed_at)
            SELECT claimed.id, ? FROM unnest(?::uuid[]) AS claimed (id)
            ON CONFLICT (event_id) DO NOTHING
            RETURNING event_id""";

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /**
     * Records the ids of the events this transaction is about to apply, in one statement: a poll's events
     * then cost one inbox write in all instead of one each. {@link #firstDelivery} answers for them from
     * what this found. Ids go in sorted, as every claim takes them, so two claims never wait in a circle.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void claimAll(List<UUID> eventIds) {
        SwapLock.share(em);
        UUID[] sorted = eventIds.stream().distinct().sorted().toArray(UUID[]::new);
        Set<UUID> first = em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement claim = connection.prepareStatement(CLAIM_ALL)) {
                claim.setObject(1, clock.instant().atOffset(ZoneOffset.UTC));
                claim.setArray(2, connection.createArrayOf("uuid", sorted));
                Set<UUID> inserted = new HashSet<>();
                try (ResultSet rows = claim.executeQuery()) {
                    while (rows.next()) {
                        inserted.add(rows.getObject(1, UUID.class));
                    }
                }
                return inserted;
            }
        });
        Map<UUID, Boolean> claims = new HashMap<>();
        for (UUID id : sorted) {
            claims.put(id, first.contains(id));
        }
        transactions.putResource(CLAIMED, claims);
    }

    /**
     * Whether {@link #claimAll} found the event never processed before, without answering for it: the event's own
     * {@link #firstDelivery} still does. False for an event not claimed ahead.
     */
    @SuppressWarnings("unchecked")
    public boolean claimedFirst(UUID eventId) {
        Map<UUID, Boolean> claims = (Map<UUID, Boolean>) transactions.getResource(CLAIMED);
        return claims != null && Boolean.TRUE.equals(claims.get(eventId));
    }

    /** Records the event id; true the first time, false when the event was processed before. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public boolean firstDelivery(UUID eventId) {
        Map<UUID, Boolean> claims = (Map<UUID, Boolean>) transactions.getResource(CLAIMED);
        Boolean claimed = claims == null ? null : claims.put(eventId, false); // the same event again is no first
        if (claimed != null) {
            return claimed;
        }
        // every handler starts here, so the swap lock is taken before the transaction touches a table
        SwapLock.share(em);
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
