package dev.funnel.marketing.api;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A token bucket per caller: {@code burst} requests at once, refilled at {@code perSecond}. Each bucket is
 * one number, the moment it will be full again (the generic cell rate algorithm), changed by compare-and-set,
 * so callers never wait on each other and a request allocates nothing once its caller is known. A bucket
 * that has been full for a while is dropped: a new one starts full, so dropping it changes no answer.
 */
public class CallerRateLimit {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** Per caller: when its bucket will be full again, in the clock's nanoseconds. */
    private final ConcurrentHashMap<String, AtomicLong> fullAt = new ConcurrentHashMap<>();
    private final long interval;
    private final long tolerance;
    private final long idleAfter;
    private final LongSupplier nanoClock;
    private final AtomicLong nextSweep;

    /** For the CDI proxy only. */
    protected CallerRateLimit() {
        this(1, 1, 1, () -> 0);
    }

    /**
     * @param perSecond requests per second a caller may keep up
     * @param burst     requests a rested caller may send at once
     * @param idleAfter nanoseconds a full bucket is kept before it is dropped
     * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime} outside tests)
     */
    public CallerRateLimit(double perSecond, int burst, long idleAfter, LongSupplier nanoClock) {
        if (perSecond <= 0 || burst < 1 || idleAfter <= 0) {
            throw new IllegalArgumentException("the rate, the burst and the idle time must be positive");
        }
        this.interval = Math.max(1, Math.round(NANOS_PER_SECOND / perSecond));
        this.tolerance = Math.multiplyExact(interval, (long) burst);
        this.idleAfter = idleAfter;
        this.nanoClock = nanoClock;
        this.nextSweep = new AtomicLong(nanoClock.getAsLong() + idleAfter);
    }

    /** Takes a token for {@code caller}: 0 when it had one, else the nanoseconds until it will have one. */
    public long take(String caller) {
        long now = nanoClock.getAsLong();
        sweepNowAndThen(now);
        AtomicLong bucket = fullAt.get(caller);
        if (bucket == null) {
            AtomicLong fresh = new AtomicLong(now);
            bucket = fullAt.putIfAbsent(caller, fresh);
            if (bucket == null) {
                bucket = fresh;
            }
        }
        while (true) {
            long full = bucket.get();
            long next = (full - now > 0 ? full : now) + interval; // differences, as nanoTime may be negative
            long wait = next - now - tolerance;
            if (wait > 0) {
                return wait;
            }
            if (bucket.compareAndSet(full, next)) {
                return 0;
            }
        }
    }

    /** Whole seconds to wait, rounded up, for a Retry-After header; at least 1. */
    public static long retryAfterSeconds(long waitNanos) {
        return Math.max(1, (waitNanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
    }

    /** How many callers have a bucket now. */
    public int callers() {
        return fullAt.size();
    }

    /**
     * Drops the buckets full for longer than the idle time, at most once per idle time, on whichever request
     * comes along: no thread of its own, and the cost of a pass over the map spread over a minute of requests.
     */
    private void sweepNowAndThen(long now) {
        long due = nextSweep.get();
        if (now - due < 0 || !nextSweep.compareAndSet(due, now + idleAfter)) {
            return;
        }
        // a bucket taken from while it is dropped loses that one take: the caller gets one request extra
        fullAt.values().removeIf(bucket -> now - bucket.get() > idleAfter);
    }
}
