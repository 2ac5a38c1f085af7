package dev.funnel.load;

/** Prints "what: done of total (rate)" at most once a second, so long runs show they are alive. */
final class Progress {

    private final String what;
    private final long total;
    private final long start = System.nanoTime();
    private long lastPrint = start;

    Progress(String what, long total) {
        this.what = what;
        this.total = total;
    }

    void maybePrint(long done) {
        long now = System.nanoTime();
        if (now - lastPrint >= 1_000_000_000L) {
            lastPrint = now;
            System.out.printf("  %s %,d of %,d (%,.0f/s)%n", what, done, total, done / ((now - start) / 1e9));
        }
    }
}
