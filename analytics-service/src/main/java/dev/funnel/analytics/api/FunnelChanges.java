package dev.funnel.analytics.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Tells live streams that the figures may have changed. One poller per instance, however many
 * dashboards listen: every {@value #POLL_MILLIS} ms it reads when the newest event was applied (the
 * inbox, indexed for it). Reading the database rather than hooking the handlers means a dashboard
 * on this instance also sees events that another instance applied.
 */
@ApplicationScoped
public class FunnelChanges {

    private static final Logger LOG = Logger.getLogger(FunnelChanges.class);
    static final long POLL_MILLIS = 250;

    @Inject
    EntityManager em;

    private final BroadcastProcessor<Instant> changes = BroadcastProcessor.create();
    private ScheduledExecutorService poller;
    private volatile Instant latest;
    private int listeners;

    /** A signal each time an event was applied since the last one; the first right away. */
    public Multi<Instant> signals() {
        return Multi.createBy().concatenating()
                .streams(Multi.createFrom().item(() -> Objects.requireNonNullElse(latest, Instant.EPOCH)), changes)
                .onSubscription().invoke(this::listenerJoined)
                .onTermination().invoke(this::listenerLeft);
    }

    private synchronized void listenerJoined() {
        if (listeners++ == 0) {
            poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("funnel-changes").daemon().factory());
            poller.scheduleWithFixedDelay(this::poll, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void listenerLeft() {
        if (--listeners == 0 && poller != null) {
            poller.shutdownNow(); // nobody listens: no polling
            poller = null;
        }
    }

    private void poll() {
        try {
            Instant newest = QuarkusTransaction.requiringNew().call(() -> (Instant) em
                    .createNativeQuery("SELECT max(processed_at) FROM processed_event", Instant.class)
                    .getSingleResult());
            if (newest != null && !newest.equals(latest)) {
                latest = newest;
                changes.onNext(newest);
            }
        } catch (RuntimeException e) {
            // the database may be restarting; the next poll tries again
            LOG.debugf("polling for funnel changes failed: %s", e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        synchronized (this) {
            if (poller != null) {
                poller.shutdownNow();
            }
        }
        changes.onComplete();
    }

    /** At most this often a stream recomputes, however fast events arrive. */
    static Duration throttle() {
        return Duration.ofMillis(POLL_MILLIS);
    }
}
