package dev.funnel.marketing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Every setting of marketing-service; each has a local default and an environment override. */
@ConfigMapping(prefix = "funnel")
public interface MarketingConfig {

    /** The deployment's reporting currency (ISO-4217); amounts in any other are refused. Env: FUNNEL_CURRENCY. */
    @WithDefault("USD")
    String currency();

    /** The outbox relay. */
    Outbox outbox();

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
    }
}
