package dev.funnel.sales.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Every setting of sales-service; each has a local default and an environment override. */
@ConfigMapping(prefix = "funnel")
public interface SalesConfig {

    /** The deployment's reporting currency (ISO-4217); deal amounts in any other are refused. Env: FUNNEL_CURRENCY. */
    @WithDefault("USD")
    String currency();

    /** The outbox relay. */
    Outbox outbox();

    /** Follow-ups. */
    FollowUp followUp();

    /** marketing-service, where referrals are posted as new leads. */
    Marketing marketing();

    interface Outbox {

        /** Events sent to Kafka per relay round. Env: FUNNEL_OUTBOX_BATCH_SIZE. */
        @WithDefault("500")
        int batchSize();

        /**
         * How often the relay looks for events when nobody woke it: it is woken at every commit, so this
         * only matters for events left by a crash or by another instance. Env: FUNNEL_OUTBOX_POLL_INTERVAL.
         */
        @WithDefault("1s")
        Duration pollInterval();

        /** Longest pause between attempts while Kafka is unreachable. Env: FUNNEL_OUTBOX_MAX_BACKOFF. */
        @WithDefault("5s")
        Duration maxBackoff();

        /**
         * Events the relay publishes (and deletes) before it vacuums the outbox table itself, so its scans do
         * not walk a minute's worth of dead rows until autovacuum comes; 0 leaves it to autovacuum.
         * Env: FUNNEL_OUTBOX_VACUUM_AFTER.
         */
        @WithDefault("2000")
        int vacuumAfter();
    }

    interface FollowUp {

        /** How long after a win the post-sale check-in is due. Env: FUNNEL_FOLLOW_UP_CHECK_IN_AFTER. */
        @WithDefault("P30D")
        Duration checkInAfter();
    }

    interface Marketing {

        /** Base URL of marketing-service. Env: FUNNEL_MARKETING_URL. */
        @WithDefault("http://localhost:8081")
        URI url();

        /** How long a call to marketing may take before it is given up. Env: FUNNEL_MARKETING_TIMEOUT. */
        @WithDefault("5s")
        Duration timeout();

        /**
         * sales-service's own bearer token for marketing, with the role lead-intake (referrals are leads captured
         * by marketing). Without it marketing refuses referrals, and they are answered 502. Env:
         * FUNNEL_MARKETING_TOKEN.
         */
        Optional<String> token();
    }
}
