package dev.funnel.analytics.messaging;

import dev.funnel.analytics.config.AnalyticsConfig;
import dev.funnel.analytics.metrics.EventMeters;
import dev.funnel.contracts.Topics;
import dev.funnel.contracts.lead.LeadEvent;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code marketing.leads} into the handler; poison goes to {@code analytics.dead-letter} (see {@link Delivery}). */
@ApplicationScoped
public class LeadEventConsumer {

    @Inject
    LeadEventHandler handler;

    @Inject
    AnalyticsConfig config;

    @Inject
    Tracer tracer;

    @Inject
    EventMeters meters;

    @Incoming("lead-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        Delivery.deliver(record, LeadEvent.class, Topics.MARKETING_LEADS, handler::handle, config.retry(), tracer, meters);
    }
}
