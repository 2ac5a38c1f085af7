package dev.funnel.analytics.rebuild;

/** Where a rebuild stands. RUNNING replays into the shadow tables, SWAPPING puts them in place of the live ones. */
public enum RebuildState {
    RUNNING, SWAPPING, DONE, FAILED;

    /** Whether the rebuild is still going: then no other may start. */
    public boolean underway() {
        return this == RUNNING || this == SWAPPING;
    }
}
