package dev.funnel.simulator.play;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * Business time played faster than wall time: {@code daysPerMinute} business days pass in each wall
 * minute. The plan's calendar lies in the past and ends no later than today's UTC midnight, so every
 * awareness hour and spend day posted has already happened, as marketing requires; it starts on a
 * Monday, so the plan's weekends fall on real weekends.
 */
final class BusinessClock {

    private final LocalDate firstDay;
    private final double scale;
    private long wallStart;

    /** @param days the plan's length in days */
    BusinessClock(LocalDate today, int days, double daysPerMinute) {
        this.firstDay = today.minusDays(days).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        this.scale = daysPerMinute * 24 * 60; // business seconds per wall second
    }

    void start() {
        wallStart = System.nanoTime();
    }

    LocalDate date(int day) {
        return firstDay.plusDays(day);
    }

    Instant startOf(int day) {
        return date(day).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The business instant now. */
    Instant now() {
        return at(System.nanoTime());
    }

    /** {@code days} business days (fractions allowed) after {@code from}. */
    static Instant plusDays(Instant from, double days) {
        return from.plusMillis(Math.round(days * 86_400_000));
    }

    /** Wall nanoseconds until the business instant {@code at}; 0 once it has passed. */
    long wallNanosUntil(Instant at) {
        double businessNanos = Duration.between(now(), at).toNanos();
        return Math.max(0, (long) (businessNanos / scale));
    }

    Duration wallElapsed() {
        return Duration.ofNanos(System.nanoTime() - wallStart);
    }

    private Instant at(long wallNanos) {
        double businessNanos = (wallNanos - wallStart) * scale;
        return startOf(0).plusNanos((long) businessNanos);
    }
}
