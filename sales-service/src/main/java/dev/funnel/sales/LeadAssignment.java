package dev.funnel.sales;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Gives qualified leads to the active reps in turn: the rep whose last turn is oldest is next. The
 * turn is kept in the database, not in memory, so every instance of the service takes part in the same
 * rotation.
 */
@ApplicationScoped
public class LeadAssignment {

    /** Turns drawn from the sequence at once: a poll qualifying many leads draws them in a few statements. */
    static final int TURNS_AT_ONCE = 64;

    private static final Comparator<Rep> NEXT = Comparator.<Rep>comparingLong(r -> r.lastTurn)
            .thenComparing(r -> r.createdAt)
            .thenComparing(r -> r.id);

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** The active reps this transaction locked, and the turns it has drawn and not yet given. */
    private record Rotation(List<Rep> active, Deque<Long> turns) {
    }

    /** The rep whose turn it is, now given the turn; empty when no rep is active. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Rep> nextRep() {
        Rotation rotation = rotationOfThisTransaction();
        Optional<Rep> next = rotation.active().stream().min(NEXT);
        next.ifPresent(rep -> rep.lastTurn = nextTurn(rotation));
        return next;
    }

    /**
     * Every active rep, locked the first time a transaction assigns a lead: two assignments at once wait for
     * each other instead of picking the same rep, and the order is taken after locking, from the rows as they
     * are now. Later assignments of the same transaction (a poll of leads) use the reps it holds: nobody else
     * can change them meanwhile. A rep added or activated meanwhile joins from the next transaction on.
     * Neither query needs what the session holds written first: flushed here, a lead just persisted would be
     * inserted before its scoring and stage, and then need an UPDATE.
     */
    private Rotation rotationOfThisTransaction() {
        Rotation rotation = (Rotation) transactions.getResource(Rotation.class);
        if (rotation == null) {
            List<Rep> active = em.createQuery("FROM Rep WHERE active = true", Rep.class)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .setFlushMode(FlushModeType.COMMIT)
                    .getResultList();
            rotation = new Rotation(active, new ArrayDeque<>());
            transactions.putResource(Rotation.class, rotation);
        }
        return rotation;
    }

    /**
     * The next turn from the shared sequence. Turns are drawn in blocks while this transaction holds every
     * active rep: any other assignment waits for those locks and so draws after it, from larger numbers, and
     * the rotation stays in order across instances. Turns of a block left unused are gaps, which do no harm.
     */
    private long nextTurn(Rotation rotation) {
        if (rotation.turns().isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Number> drawn = em.createNativeQuery("SELECT nextval('rep_turn_seq') FROM generate_series(1, ?1)")
                    .setParameter(1, TURNS_AT_ONCE)
                    .setFlushMode(FlushModeType.COMMIT)
                    .getResultList();
            drawn.stream().map(Number::longValue).sorted().forEach(rotation.turns()::addLast);
        }
        return rotation.turns().removeFirst();
    }
}
