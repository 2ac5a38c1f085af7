package dev.funnel.analytics.messaging;

import dev.funnel.analytics.config.AnalyticsConfig;
import dev.funnel.analytics.metrics.EventMeters;
import dev.funnel.contracts.Topics;
import dev.funnel.contracts.campaign.CampaignEvent;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code marketing.campaigns} into the handler; poison goes to {@code analytics.dead-letter} (see {@link Delivery}). */
@ApplicationScoped
public class CampaignEventConsumer {

    @Inject
    CampaignEventHandler handler;

    @Inject
    AnalyticsConfig config;

    @Inject
    Tracer tracer;

    @Inject
    EventMeters meters;

    @Incoming("campaign-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        Delivery.deliver(record, CampaignEvent.class, Topics.MARKETING_CAMPAIGNS, handler::handle, config.retry(), tracer, meters);
    }
}
