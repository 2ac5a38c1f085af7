package dev.funnel.analytics.rebuild;

import java.time.Duration;

/**
 * How far a rebuild has got, as shown and logged.
 *
 * @param applied records replayed so far, poison included
 * @param total   records on the topics when the rebuild started; null until known
 * @param elapsed time since the rebuild started
 */
public record ReplayProgress(long applied, Long total, Duration elapsed) {

    /**
     * Percent done, 0 to 100; null while the total is unknown. Records arriving during the rebuild are replayed
     * too, so applied may pass the total: that is 100, not more. Nothing to replay is done.
     */
    public Integer percent() {
        if (total == null) {
            return null;
        }
        if (total == 0) {
            return 100;
        }
        return (int) Math.min(100, applied * 100 / total);
    }

    /** Records per second so far, 0 before the first second. */
    public long perSecond() {
        long millis = elapsed.toMillis();
        return millis < 1_000 ? 0 : applied * 1_000 / millis;
    }

    /** One log line: "12345 of 50000 events (24%), 3100/s". */
    public String describe() {
        return total == null
                ? applied + " events, " + perSecond() + "/s"
                : applied + " of " + total + " events (" + percent() + "%), " + perSecond() + "/s";
    }
}
