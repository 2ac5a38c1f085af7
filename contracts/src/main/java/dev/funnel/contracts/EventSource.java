package dev.funnel.contracts;

/** CloudEvents {@code source} of each producing service. */
public final class EventSource {

    public static final String MARKETING = "/funnel/marketing-service";
    public static final String SALES = "/funnel/sales-service";

    private EventSource() {
    }
}
