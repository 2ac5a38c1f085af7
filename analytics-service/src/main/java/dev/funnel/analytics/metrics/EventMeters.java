package dev.funnel.analytics.metrics;

import dev.funnel.contracts.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * What the live consumers did with each record, as Prometheus counters per topic: events applied to the figures,
 * events skipped because they were applied before (redelivery), and records parked on the dead-letter topic.
 * A rebuild's replay is not counted here: it applies history again into copies of the tables.
 */
@ApplicationScoped
public class EventMeters {

    private final MeterRegistry registry;

    @Inject
    public EventMeters(MeterRegistry registry) {
        this.registry = registry;
        // every series from the start, at 0, so a rate over them is never missing
        for (String topic : List.of(Topics.MARKETING_LEADS, Topics.MARKETING_CAMPAIGNS, Topics.SALES_PIPELINE)) {
            consumed(topic, "applied");
            consumed(topic, "duplicate");
            deadLetters(topic);
        }
    }

    /** An event of this topic whose handling committed: applied, or found in the inbox and skipped. */
    public void handled(String topic, boolean applied) {
        consumed(topic, applied ? "applied" : "duplicate").increment();
    }

    /** A record of this topic that can never be processed, handed to the dead-letter strategy. */
    public void parked(String topic) {
        deadLetters(topic).increment();
    }

    private Counter consumed(String topic, String outcome) {
        return Counter.builder("funnel.events.consumed")
                .description("Events read by the live consumers: applied, or skipped as a duplicate of one applied before")
                .tag("topic", topic)
                .tag("outcome", outcome)
                .register(registry);
    }

    private Counter deadLetters(String topic) {
        return Counter.builder("funnel.dead.letters")
                .description("Records that can never be processed, parked on the dead-letter topic, by the topic they came from")
                .tag("topic", topic)
                .register(registry);
    }
}
