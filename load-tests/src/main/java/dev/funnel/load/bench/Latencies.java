package dev.funnel.load.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Latencies of one kind (a POST's answer, a lead's arrival in analytics), each filed under the second of
 * the run it belongs to. Percentiles are nearest-rank over the recorded values: no histogram rounding,
 * which a one-minute run can afford.
 */
public final class Latencies {

    /** The figures of one second of the run, or of the whole run; percentiles in milliseconds, 0 when empty. */
    public record Figures(int second, int count, double p50, double p99, double max) {
    }

    private long[] seconds = new long[1024];
    private long[] nanos = new long[1024];
    private int size;

    /** Files {@code latencyNanos} under second {@code atNanos / 1e9} of the run (both measured from its start). */
    public synchronized void record(long atNanos, long latencyNanos) {
        if (atNanos < 0) {
            throw new IllegalArgumentException("before the run began: " + atNanos);
        }
        if (size == nanos.length) {
            seconds = Arrays.copyOf(seconds, size * 2);
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        seconds[size] = atNanos / 1_000_000_000L;
        nanos[size] = latencyNanos;
        size++;
    }

    public synchronized int count() {
        return size;
    }

    /** Every value together; {@code second} is -1. */
    public synchronized Figures overall() {
        return figures(-1, Arrays.copyOf(nanos, size));
    }

    /** One row per second {@code 0 .. seconds-1}, empty seconds included, so a stall shows as a gap. */
    public synchronized List<Figures> perSecond(int runSeconds) {
        int[] counts = new int[runSeconds];
        for (int i = 0; i < size; i++) {
            if (seconds[i] < runSeconds) {
                counts[(int) seconds[i]]++;
            }
        }
        long[][] buckets = new long[runSeconds][];
        for (int s = 0; s < runSeconds; s++) {
            buckets[s] = new long[counts[s]];
        }
        int[] filled = new int[runSeconds];
        for (int i = 0; i < size; i++) {
            if (seconds[i] < runSeconds) {
                int s = (int) seconds[i];
                buckets[s][filled[s]++] = nanos[i];
            }
        }
        List<Figures> rows = new ArrayList<>(runSeconds);
        for (int s = 0; s < runSeconds; s++) {
            rows.add(figures(s, buckets[s]));
        }
        return rows;
    }

    /**
     * The nearest-rank percentile: the smallest value with at least {@code percent}% of the values at or
     * below it; 0 for no values.
     */
    static long percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    private static Figures figures(int second, long[] values) {
        Arrays.sort(values);
        return new Figures(second, values.length, millis(percentile(values, 50)), millis(percentile(values, 99)),
                values.length == 0 ? 0 : millis(values[values.length - 1]));
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
