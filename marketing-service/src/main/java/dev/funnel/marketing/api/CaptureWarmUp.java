package dev.funnel.marketing.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.marketing.LeadCapture;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import jakarta.validation.Validator;
import org.jboss.logging.Logger;

/**
 * Runs lead capture once at start-up on a made-up lead, in a transaction that is rolled back:
 * nothing is stored or published, but JSON mapping, validation, queries and the JIT are warm, so
 * the first real lead after a deployment is answered in milliseconds rather than in half a second.
 */
@ApplicationScoped
class CaptureWarmUp {

    /** The made-up lead's address; a test checks it never stays behind. */
    static final String EMAIL = "warm-up@funnel.invalid";

    private static final Logger LOG = Logger.getLogger(CaptureWarmUp.class);

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @Inject
    LeadCapture capture;

    @Inject
    UserTransaction transaction;

    private volatile boolean warm;

    /** Whether the dry run completed (and was rolled back). */
    boolean warm() {
        return warm;
    }

    void warmUp(@Observes StartupEvent started) {
        long t0 = System.nanoTime();
        try {
            LeadRequest request = json.readValue("""
                    {"email": "%s", "firstName": "Warm", "country": "US", "budget": 1,
                     "timeline": "UNKNOWN", "utm": {"campaign": "warm-up"}, "consent": {"marketing": false},
                     "attributes": {"form": "warm-up"}}""".formatted(EMAIL), LeadRequest.class);
            validator.validate(request);
            transaction.begin();
            try {
                capture.capture(request.toNewLead("USD"));
            } finally {
                transaction.rollback();
            }
            warm = true;
            LOG.debugf("lead capture warmed up in %d ms", (System.nanoTime() - t0) / 1_000_000);
        } catch (Exception e) {
            LOG.infof("lead capture warm-up skipped: %s", e.getMessage());
        }
    }
}
