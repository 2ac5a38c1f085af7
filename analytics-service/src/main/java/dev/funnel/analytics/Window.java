package dev.funnel.analytics;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A half-open time window {@code [from, to)}, and how to read it from rollups: whole UTC months from the month
 * rollups, the whole days around them from the day rollups, the whole hours around those from the hour
 * rollups, and only the minutes at either edge from the leads themselves. A query then reads a few thousand
 * rollup rows however many leads and however long a window it covers.
 */
public record Window(Instant from, Instant to) {

    /** A half-open range {@code [from, to)}. */
    public record Range(Instant from, Instant to) {
    }

    /**
     * The window cut along hour, day and month boundaries; together the ranges cover it exactly once.
     *
     * @param edges  ranges shorter than an hour at either end (or the whole window when it holds no whole hour)
     * @param hours  whole hours that are not part of a whole day in the window
     * @param days   whole UTC days that are not part of a whole month in the window (when months are read)
     * @param months whole UTC months, at most one range
     */
    public record Slices(List<Range> edges, List<Range> hours, List<Range> days, List<Range> months) {
    }

    public Window {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from " + from + " must be before to " + to);
        }
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }

    /** The slices down to whole months. */
    public Slices slices() {
        return slices(true);
    }

    /**
     * The slices; without months when a month would not fit in the buckets the caller groups by (days, weeks).
     * Each coarser grain takes the largest part aligned to it of what the finer one left in the middle.
     */
    public Slices slices(boolean months) {
        List<List<Range>> levels = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<ChronoUnit> grains = months
                ? List.of(ChronoUnit.HOURS, ChronoUnit.DAYS, ChronoUnit.MONTHS)
                : List.of(ChronoUnit.HOURS, ChronoUnit.DAYS);
        Instant low = from;
        Instant high = to;
        int level = 0;
        for (ChronoUnit grain : grains) {
            Instant alignedLow = ceil(low, grain);
            Instant alignedHigh = floor(high, grain);
            if (!alignedLow.isBefore(alignedHigh)) {
                break;
            }
            addIfNotEmpty(levels.get(level), low, alignedLow);
            addIfNotEmpty(levels.get(level), alignedHigh, high);
            low = alignedLow;
            high = alignedHigh;
            level++;
        }
        levels.get(level).add(new Range(low, high));
        return new Slices(levels.get(0), levels.get(1), levels.get(2), levels.get(3));
    }

    private static Instant floor(Instant instant, ChronoUnit unit) {
        if (unit != ChronoUnit.MONTHS) {
            return instant.truncatedTo(unit);
        }
        ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
        return utc.toLocalDate().withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Instant ceil(Instant instant, ChronoUnit unit) {
        Instant floor = floor(instant, unit);
        return floor.equals(instant) ? floor : floor.atZone(ZoneOffset.UTC).plus(1, unit).toInstant();
    }

    private static void addIfNotEmpty(List<Range> ranges, Instant from, Instant to) {
        if (from.isBefore(to)) {
            ranges.add(new Range(from, to));
        }
    }
}
