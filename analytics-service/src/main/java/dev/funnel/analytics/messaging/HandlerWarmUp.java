package dev.funnel.analytics.messaging;

import dev.funnel.contracts.Channel;
import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.EventCodec;
import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.lead.LeadGenerated;
import dev.funnel.contracts.lead.Timeline;
import dev.funnel.analytics.messaging.LeadEventHandler;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Runs the event path once at start-up on a made-up lead, in a transaction that is rolled back:
 * nothing is stored, but the JSON mapping, the queries and the JIT are warm, so the first real lead
 * after a deployment is applied in milliseconds rather than in the second a cold JVM needs.
 */
@ApplicationScoped
class HandlerWarmUp {

    /** The made-up lead of the dry run; a test checks it never stays behind. */
    static final UUID LEAD = UUID.fromString("00000000-0000-4000-8000-00000000f00d");

    private static final Logger LOG = Logger.getLogger(HandlerWarmUp.class);

    @Inject
    LeadEventHandler handler;

    @Inject
    UserTransaction transaction;

    private volatile boolean warm;

    /** Whether the dry run completed (and was rolled back). */
    boolean warm() {
        return warm;
    }

    void warmUp(@Observes StartupEvent started) {
        long t0 = System.nanoTime();
        UUID lead = LEAD;
        CloudEvent envelope = CloudEvent.of(EventTypes.LEAD_GENERATED, lead, Instant.now());
        LeadGenerated sample = EventCodec.read(EventCodec.write(new LeadGenerated(lead, "warm-up@funnel.invalid",
                "Warm", "Up", "Funnel", "Tester", null, "US", 10, null, null, Timeline.UNKNOWN, null, Channel.OTHER,
                null, false, Map.of(), null, Instant.now())), EventTypes.LEAD_GENERATED);
        try {
            transaction.begin();
            try {
                handler.handle(envelope, sample);
            } finally {
                transaction.rollback();
            }
            warm = true;
            LOG.debugf("event path warmed up in %d ms", (System.nanoTime() - t0) / 1_000_000);
        } catch (Exception e) {
            LOG.infof("event path warm-up skipped: %s", e.getMessage());
        }
    }
}
