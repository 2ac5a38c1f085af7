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

    /** Single-lead capture, grouped into shared transactions under load. */
    Capture capture();

    /** The rate limit per caller on the intake endpoints (POST /api/leads, /api/leads/batch, /api/awareness). */
    IntakeLimit intakeLimit();

    /**
     * A token bucket per caller (the token's subject): a request takes a token, a caller without one is answered
     * 429 with Retry-After. A batch is one request. The defaults stop only a runaway caller: they sit above what
     * one instance can store (about 5,000 leads a second on two cores), so neither a busy web-form backend nor
     * {@code ./funnel bench}, which posts from one caller at up to 5,000 a second, ever meets them.
     */
    interface IntakeLimit {

        /** Requests per second one caller may keep up. Env: FUNNEL_INTAKE_LIMIT_PER_SECOND. */
        @WithDefault("10000")
        double perSecond();

        /** Requests a caller who has been quiet may send at once. Env: FUNNEL_INTAKE_LIMIT_BURST. */
        @WithDefault("20000")
        int burst();
    }

    interface Capture {

        /**
         * Threads that commit groups of posted leads; while one commits, the next group gathers.
         * Env: FUNNEL_CAPTURE_COMMITTERS.
         */
        @WithDefault("2")
        int committers();

        /** Most leads in one transaction. Env: FUNNEL_CAPTURE_MAX_GROUP. */
        @WithDefault("200")
        int maxGroup();

        /**
         * Leads waiting for a committer; when it is full the service is overloaded and answers 503, rather
         * than let latency grow without bound. Env: FUNNEL_CAPTURE_MAX_WAITING.
         */
        @WithDefault("20000")
        int maxWaiting();

        /**
         * How long at most a committer waits for more leads when it has gathered only a few (fewer than
         * {@code GroupedCapture.SMALL_GROUP}): it commits as soon as it holds that many, or when the wait
         * ends with what it has. A lead's answer comes up to that much later, and at a moderate rate there
         * are about half as many transactions; a group that gathered while its committer was busy is mostly
         * larger and goes at once. Zero commits every group at once.
         * Env: FUNNEL_CAPTURE_LINGER.
         */
        @WithDefault("5ms")
        Duration linger();
    }

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
}
