package dev.funnel.sales.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/** The ids of events already applied. Only inside the handler's transaction, so id and effect commit together. */
@ApplicationScoped
public class Inbox {

    /** Key of the transaction's claims made ahead: event id, and whether this is its first delivery. */
    private static final Object CLAIMED = new Object();

    private static final String CLAIM_ALL = """
            INSERT INTO processed_event (event_id, processed_at)
            SELECT claimed.id, now() FROM unnest(?::uuid[]) AS claimed (id)
            ON CONFLICT DO NOTHING
            RETURNING event_id""";

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /**
     * Records the ids of the events this transaction is about to apply, in one statement: a poll's events
     * then cost one inbox write in all instead of one each. {@link #firstDelivery} answers for them from
     * what this found. Ids go in sorted, as every claim takes them, so two claims never wait in a circle.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void claimAll(List<UUID> eventIds) {
        UUID[] sorted = eventIds.stream().distinct().sorted().toArray(UUID[]::new);
        Set<UUID> first = em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement claim = connection.prepareStatement(CLAIM_ALL)) {
                claim.setArray(1, connection.createArrayOf("uuid", sorted));
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

    /** Records the event id; false when it was recorded before (a redelivery). */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public boolean firstDelivery(UUID eventId) {
        Map<UUID, Boolean> claims = (Map<UUID, Boolean>) transactions.getResource(CLAIMED);
        Boolean claimed = claims == null ? null : claims.put(eventId, false); // the same event again is no first
        if (claimed != null) {
            return claimed;
        }
        return em.createNativeQuery("""
                INSERT INTO processed_event (event_id, processed_at) VALUES (?1, now())
                ON CONFLICT DO NOTHING""")
                .setParameter(1, eventId)
                .executeUpdate() == 1;
    }
}
