package dev.funnel.contracts;

import java.util.List;

/** Kafka topic names, the one place they are spelled. */
public final class Topics {

    /** Lead generated, engaged again, erased; keyed by lead id. */
    public static final String MARKETING_LEADS = "marketing.leads";
    /** Campaign launched/changed, spend recorded, awareness recorded; keyed by campaign id. */
    public static final String MARKETING_CAMPAIGNS = "marketing.campaigns";
    /** Qualification, stage changes, deals won and lost, follow-ups; keyed by lead id. */
    public static final String SALES_PIPELINE = "sales.pipeline";

    /** Every topic the services produce to, so infrastructure can create them before anyone consumes. */
    public static final List<String> ALL = List.of(MARKETING_LEADS, MARKETING_CAMPAIGNS, SALES_PIPELINE);

    /** Where sales-service parks messages it can never process, with the reason in headers. */
    public static final String SALES_DEAD_LETTER = "sales.dead-letter";
    /** Where analytics-service parks messages it can never process, with the reason in headers. */
    public static final String ANALYTICS_DEAD_LETTER = "analytics.dead-letter";

    /** The dead-letter topics, one per consuming service. */
    public static final List<String> DEAD_LETTERS = List.of(SALES_DEAD_LETTER, ANALYTICS_DEAD_LETTER);

    private Topics() {
    }
}
