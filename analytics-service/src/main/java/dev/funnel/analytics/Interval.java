package dev.funnel.analytics;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Optional;

/** The length of one bucket of a time series, in UTC; weeks start on Monday. */
public enum Interval {
    DAY, WEEK, MONTH;

    public static Optional<Interval> named(String name) {
        return Arrays.stream(values()).filter(i -> i.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The start of the bucket that holds this instant. */
    public Instant bucketOf(Instant instant) {
        LocalDate day = LocalDate.ofInstant(instant, ZoneOffset.UTC);
        LocalDate start = switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
        return start.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The start of the bucket after the one starting at {@code bucketStart}. */
    public Instant next(Instant bucketStart) {
        LocalDate day = LocalDate.ofInstant(bucketStart, ZoneOffset.UTC);
        LocalDate next = switch (this) {
            case DAY -> day.plusDays(1);
            case WEEK -> day.plusWeeks(1);
            case MONTH -> day.plusMonths(1);
        };
        return next.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
