package dev.funnel.analytics.rebuild;

import java.util.Map;

/**
 * Where a replay has to get: per partition, the offset it starts at and the end offset it reads up to
 * (the next offset to be written when the target was taken). Plain arithmetic over offsets.
 *
 * @param <P> how a partition is named
 */
public record ReplayTarget<P>(Map<P, Long> starts, Map<P, Long> ends) {

    public ReplayTarget {
        starts = Map.copyOf(starts);
        ends = Map.copyOf(ends);
    }

    /** The records between the starts and the ends: what a replay from the start has to read. */
    public long events() {
        return ends.entrySet().stream()
                .mapToLong(end -> Math.max(0, end.getValue() - starts.getOrDefault(end.getKey(), 0L)))
                .sum();
    }

    /** Whether a reader at these positions (next offset to read) has read every partition up to its end. */
    public boolean reachedBy(Map<P, Long> positions) {
        return remaining(positions) == 0;
    }

    /** The records a reader at these positions still has to read; a partition it has no position for from its start. */
    public long remaining(Map<P, Long> positions) {
        return ends.entrySet().stream()
                .mapToLong(end -> Math.max(0, end.getValue()
                        - positions.getOrDefault(end.getKey(), starts.getOrDefault(end.getKey(), 0L))))
                .sum();
    }

    /** The same starts with new ends: a later target for the same reader. */
    public ReplayTarget<P> until(Map<P, Long> laterEnds) {
        return new ReplayTarget<>(starts, laterEnds);
    }
}
