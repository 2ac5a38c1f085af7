package dev.funnel.sales;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Gives qualified leads to the active reps in turn: the rep whose last turn is oldest is next. The
 * turn is kept in the database, not in memory, so every instance of the service takes part in the same
 * rotation.
 */
@ApplicationScoped
public class LeadAssignment {

    private static final Comparator<Rep> NEXT = Comparator.<Rep>comparingLong(r -> r.lastTurn)
            .thenComparing(r -> r.createdAt)
            .thenComparing(r -> r.id);

    @Inject
    EntityManager em;

    /** The rep whose turn it is, now given the turn; empty when no rep is active. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Rep> nextRep() {
        // Every active rep is locked, so two assignments at once wait for each other instead of picking
        // the same rep; the order is taken after locking, from the rows as they are now. Neither query needs
        // what the session holds written first: flushed here, a lead just persisted would be inserted before
        // its scoring and stage, and then need an UPDATE.
        List<Rep> active = em.createQuery("FROM Rep WHERE active = true", Rep.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList();
        Optional<Rep> next = active.stream().min(NEXT);
        next.ifPresent(rep -> rep.lastTurn = ((Number) em.createNativeQuery("SELECT nextval('rep_turn_seq')")
                .setFlushMode(FlushModeType.COMMIT)
                .getSingleResult()).longValue());
        return next;
    }
}
