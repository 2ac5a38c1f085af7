package dev.funnel.analytics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Every setting of analytics-service of its own; each has a local default and an environment override. */
@ConfigMapping(prefix = "funnel")
public interface AnalyticsConfig {

    /** How a consumer waits for the database when handling an event failed for a reason other than the event. */
    Retry retry();

    /** How analytics is rebuilt from the topics (POST /api/analytics/rebuild). */
    Rebuild rebuild();

    interface Retry {

        /** Pause after the first failed attempt, doubled after each further one. Env: FUNNEL_RETRY_FIRST_PAUSE. */
        @WithDefault("200ms")
        Duration firstPause();

        /** Longest pause between two attempts. Env: FUNNEL_RETRY_MAX_PAUSE. */
        @WithDefault("5s")
        Duration maxPause();
    }

    interface Rebuild {

        /** Events applied per transaction while replaying. Env: FUNNEL_REBUILD_BATCH_SIZE. */
        @WithDefault("500")
        int batchSize();

        /** The schema the tables are rebuilt in before they are swapped in; dropped at each start. Env: FUNNEL_REBUILD_SCHEMA. */
        @WithDefault("analytics_rebuild")
        String schema();

        /** How often progress is stored (for GET and the heartbeat) and logged. Env: FUNNEL_REBUILD_PROGRESS_EVERY. */
        @WithDefault("2s")
        Duration progressEvery();

        /** A rebuild whose instance gave no sign of life for this long is failed, so another may start. Env: FUNNEL_REBUILD_ABANDONED_AFTER. */
        @WithDefault("1m")
        Duration abandonedAfter();

        /** The longest any one transaction of a rebuild may take (index builds on large tables). Env: FUNNEL_REBUILD_TRANSACTION_TIMEOUT. */
        @WithDefault("30m")
        Duration transactionTimeout();

        /** How long the swap waits, in short tries, for readers to let go of the live tables. Env: FUNNEL_REBUILD_SWAP_LOCK_WAIT. */
        @WithDefault("30s")
        Duration swapLockWait();
    }
}
