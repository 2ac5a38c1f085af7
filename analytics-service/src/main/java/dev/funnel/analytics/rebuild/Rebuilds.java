package dev.funnel.analytics.rebuild;

import dev.funnel.analytics.config.AnalyticsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The rebuilds' rows: each change in a transaction of its own, and each one only from the state it expects, so
 * a rebuild that was given up as abandoned (its instance fell silent) cannot come back and finish.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class Rebuilds {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AnalyticsConfig config;

    /** A new rebuild, RUNNING; refused while another is underway. */
    public Rebuild begin() {
        Instant now = clock.instant();
        abandonSilent(now);
        UUID id = UUID.randomUUID();
        // the partial unique index admits one underway rebuild, whichever instance inserts
        int inserted = em.createNativeQuery("""
                        INSERT INTO rebuild (rebuild_id, state, started_at, heartbeat_at) VALUES (?1, 'RUNNING', ?2, ?2)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, id)
                .setParameter(2, now)
                .executeUpdate();
        if (inserted == 0) {
            // the one underway may have ended in between: then the caller may simply ask again
            throw new RebuildUnderwayException(Rebuild.underway().map(r -> r.rebuildId).orElse(null));
        }
        return Rebuild.findById(id);
    }

    /** The rebuild, with one given up as abandoned shown FAILED. */
    public Optional<Rebuild> find(UUID id) {
        abandonSilent(clock.instant());
        return Rebuild.findByIdOptional(id);
    }

    /** The rebuild started last, if any. */
    public Optional<Rebuild> latest() {
        abandonSilent(clock.instant());
        return Rebuild.latest();
    }

    /** Stores progress and shows the rebuild alive; false when it is no longer underway (given up meanwhile). */
    public boolean progressed(UUID id, long applied, long skipped, Long total) {
        return em.createNativeQuery("""
                        UPDATE rebuild SET events_applied = ?2, events_skipped = ?3, events_total = ?4, heartbeat_at = ?5
                        WHERE rebuild_id = ?1 AND state IN ('RUNNING', 'SWAPPING')""")
                .setParameter(1, id)
                .setParameter(2, applied)
                .setParameter(3, skipped)
                .setParameter(4, total)
                .setParameter(5, clock.instant())
                .executeUpdate() == 1;
    }

    /** RUNNING to SWAPPING; throws when the rebuild was given up meanwhile. */
    public void swapping(UUID id) {
        move(id, RebuildState.RUNNING, RebuildState.SWAPPING);
    }

    /** SWAPPING to DONE, inside the swap's transaction, so the swap commits only if the rebuild is still its own. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void done(UUID id, long applied, long skipped, Long total) {
        progressed(id, applied, skipped, total);
        move(id, RebuildState.SWAPPING, RebuildState.DONE);
    }

    /** Underway to FAILED with the reason and the last counts; nothing when it has ended already. */
    public void failed(UUID id, String problem, long applied, long skipped, Long total) {
        progressed(id, applied, skipped, total);
        em.createNativeQuery("""
                        UPDATE rebuild SET state = 'FAILED', problem = ?2, finished_at = ?3
                        WHERE rebuild_id = ?1 AND state IN ('RUNNING', 'SWAPPING')""")
                .setParameter(1, id)
                .setParameter(2, problem)
                .setParameter(3, clock.instant())
                .executeUpdate();
    }

    private void move(UUID id, RebuildState from, RebuildState to) {
        // leaving SWAPPING is the end of the rebuild
        int moved = em.createNativeQuery("""
                        UPDATE rebuild SET state = ?3, heartbeat_at = ?4,
                            finished_at = CASE WHEN state = 'SWAPPING' THEN CAST(?4 AS timestamptz) END
                        WHERE rebuild_id = ?1 AND state = ?2""")
                .setParameter(1, id)
                .setParameter(2, from.name())
                .setParameter(3, to.name())
                .setParameter(4, clock.instant())
                .executeUpdate();
        if (moved == 0) {
            throw new IllegalStateException("rebuild " + id + " is no longer " + from + ": it was given up meanwhile");
        }
    }

    /** An underway rebuild whose instance gave no sign of life for too long (it stopped) is failed. */
    private void abandonSilent(Instant now) {
        em.createNativeQuery("""
                        UPDATE rebuild SET state = 'FAILED', finished_at = ?1,
                            problem = 'abandoned: the instance running it gave no sign of life since ' || heartbeat_at
                        WHERE state IN ('RUNNING', 'SWAPPING') AND heartbeat_at < ?2""")
                .setParameter(1, now)
                .setParameter(2, now.minus(config.rebuild().abandonedAfter()))
                .executeUpdate();
    }
}
