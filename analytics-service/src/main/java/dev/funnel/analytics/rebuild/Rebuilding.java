package dev.funnel.analytics.rebuild;

import dev.funnel.analytics.config.AnalyticsConfig;
import dev.funnel.analytics.messaging.EventReplay;
import dev.funnel.analytics.messaging.SwapLock;
import dev.funnel.contracts.Topics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Rebuilds analytics from the topics: replays every record from the start into fresh tables with the live
 * handlers, then swaps them in without losing what live consumers apply meanwhile. The steps, in the background:
 * <ol>
 * <li>empty shadow tables ({@link ShadowTables#prepare});
 * <li>replay up to the topics' ends at the start, many events per transaction; live handling goes on;
 * <li>build the secondary indexes, then catch up with what arrived meanwhile, still without pausing live;
 * <li>swap, in one transaction: hold the {@link SwapLock} (live handling waits), replay the rest up to the ends
 * read now, so the new tables hold everything live has applied and more (their inbox makes the overlap
 * harmless), drop the live tables and move the new ones in.
 * </ol>
 * A failure at any step leaves the live tables as they were.
 */
@ApplicationScoped
public class Rebuilding {

    private static final Logger LOG = Logger.getLogger(Rebuilding.class);
    /** Catch-up rounds before the swap; each one is shorter than the one before unless events pour in. */
    private static final int CATCH_UP_ROUNDS = 5;
    /** Events left for the swap to replay at most, once catching up got there: live handling waits for them. */
    private static final int SWAP_TAIL = 50;
    private static final Duration POLL = Duration.ofMillis(500);

    @Inject
    Rebuilds rebuilds;

    @Inject
    ShadowTables shadow;

    @Inject
    EventReplay replay;

    @Inject
    EntityManager em;

    @Inject
    AnalyticsConfig config;

    @Inject
    Clock clock;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> broker;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("analytics-rebuild").factory());
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("analytics-rebuild-progress").daemon().factory());
    private volatile boolean stopping;

    /** Starts a rebuild in the background and answers at once; {@link RebuildUnderwayException} while one is underway. */
    public Rebuild start() {
        Rebuild rebuild = rebuilds.begin();
        UUID id = rebuild.rebuildId;
        Instant started = rebuild.startedAt;
        worker.execute(() -> run(id, started));
        return rebuild;
    }

    /** What one run has done so far, shared with the progress ticker. */
    private static final class Tally {
        volatile long applied;
        volatile long skipped;
        volatile Long total;
        volatile boolean givenUp;
    }

    private void run(UUID id, Instant started) {
        Tally tally = new Tally();
        Duration every = config.rebuild().progressEvery();
        ScheduledFuture<?> progress = ticker.scheduleWithFixedDelay(() -> report(id, started, tally),
                every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        try {
            shadow.prepare();
            try (TopicReplay topics = new TopicReplay(broker, config.rebuild().batchSize())) {
                ReplayTarget<TopicPartition> target = topics.target();
                tally.total = target.events();
                LOG.infof("rebuild %s: replaying %d events of %s into schema %s", id, tally.total,
                        Topics.ALL, shadow.shadow());
                replayInBatches(topics, target, tally);
                shadow.index();
                for (int round = 0; round < CATCH_UP_ROUNDS; round++) {
                    ReplayTarget<TopicPartition> now = target.until(topics.ends());
                    if (now.remaining(topics.positions()) <= SWAP_TAIL) {
                        break;
                    }
                    replayInBatches(topics, now, tally);
                }
                rebuilds.swapping(id);
                swap(id, topics, target, tally);
            }
            LOG.infof("rebuild %s done: %s, %d poison skipped; the rebuilt tables are live", id,
                    progress(started, tally).describe(), tally.skipped);
        } catch (RuntimeException | Error e) {
            if (stopping) {
                LOG.warnf("rebuild %s stopped with the service; the live tables are as they were", id);
            } else {
                LOG.errorf(e, "rebuild %s failed; the live tables are as they were", id);
            }
            try {
                rebuilds.failed(id, rootMessage(e), tally.applied, tally.skipped, tally.total);
                shadow.discard();
            } catch (RuntimeException cleanup) {
                // the database is away: the row is given up as abandoned later, the next rebuild drops the schema
                LOG.warnf("rebuild %s: recording the failure failed too: %s", id, rootMessage(cleanup));
            }
        } finally {
            progress.cancel(false);
        }
    }

    /** Replays up to the target, one transaction per batch, in the shadow tables. */
    private void replayInBatches(TopicReplay topics, ReplayTarget<TopicPartition> target, Tally tally) {
        while (!target.reachedBy(topics.positions())) {
            goingOn(tally);
            List<ConsumerRecord<String, String>> records = topics.poll(POLL);
            if (records.isEmpty()) {
                continue;
            }
            List<EventReplay.Decoded> events = decode(records, tally);
            QuarkusTransaction.requiringNew().timeout(timeoutSeconds()).run(() -> {
                shadow.enter();
                replay.apply(events);
            });
            tally.applied += records.size();
        }
    }

    /** The swap, in one transaction; live handlers wait from the lock to the commit. */
    private void swap(UUID id, TopicReplay topics, ReplayTarget<TopicPartition> target, Tally tally) {
        long t0 = System.nanoTime();
        QuarkusTransaction.requiringNew().timeout(timeoutSeconds()).run(() -> {
            String live = shadow.live();
            SwapLock.hold(em);
            // every event live has committed lies below these ends: it held the lock while applying it
            ReplayTarget<TopicPartition> rest = target.until(topics.ends());
            long tail = rest.remaining(topics.positions());
            shadow.enter();
            while (!rest.reachedBy(topics.positions())) {
                goingOn(tally);
                List<ConsumerRecord<String, String>> records = topics.poll(POLL);
                replay.apply(decode(records, tally));
                tally.applied += records.size();
            }
            shadow.leave(live);
            shadow.swapIn(live);
            rebuilds.done(id, tally.applied, tally.skipped, tally.total);
            LOG.infof("rebuild %s: swapped in after replaying the last %d events; live handling paused %d ms", id,
                    tail, (System.nanoTime() - t0) / 1_000_000);
        });
    }

    /** The events to apply; poison is counted and left out, as its live consumer dead-lettered it. */
    private List<EventReplay.Decoded> decode(List<ConsumerRecord<String, String>> records, Tally tally) {
        List<EventReplay.Decoded> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            replay.decode(record).ifPresentOrElse(events::add, () -> tally.skipped++);
        }
        return events;
    }

    private void goingOn(Tally tally) {
        if (stopping) {
            throw new IllegalStateException("the service stopped during the rebuild");
        }
        if (tally.givenUp) {
            throw new IllegalStateException("the rebuild was given up as abandoned by another instance");
        }
    }

    /** Stores and logs progress; its update is also the sign of life that keeps the rebuild from being given up. */
    private void report(UUID id, Instant started, Tally tally) {
        try {
            if (!rebuilds.progressed(id, tally.applied, tally.skipped, tally.total)) {
                tally.givenUp = true;
                return;
            }
            LOG.infof("rebuild %s: %s", id, progress(started, tally).describe());
        } catch (RuntimeException e) {
            LOG.warnf("rebuild %s: storing progress failed (%s)", id, rootMessage(e));
        }
    }

    private ReplayProgress progress(Instant started, Tally tally) {
        return new ReplayProgress(tally.applied, tally.total, Duration.between(started, clock.instant()));
    }

    private int timeoutSeconds() {
        return (int) config.rebuild().transactionTimeout().toSeconds();
    }

    void stop(@Observes ShutdownEvent stopped) {
        stopping = true;
        ticker.shutdownNow();
        worker.shutdown();
        try {
            // a running replay notices between two batches and marks the rebuild failed
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
    }
}
