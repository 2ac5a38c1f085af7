package dev.funnel.analytics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Every setting of analytics-service of its own; each has a local default and an environment override. */
@ConfigMapping(prefix = "funnel")
public interface AnalyticsConfig {

    /** How a consumer waits for the database when handling an event failed for a reason other than the event. */
    Retry retry();

    interface Retry {

        /** Pause after the first failed attempt, doubled after each further one. Env: FUNNEL_RETRY_FIRST_PAUSE. */
        @WithDefault("200ms")
        Duration firstPause();

        /** Longest pause between two attempts. Env: FUNNEL_RETRY_MAX_PAUSE. */
        @WithDefault("5s")
        Duration maxPause();
    }
}
