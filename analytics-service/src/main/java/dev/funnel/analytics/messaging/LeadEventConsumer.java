package dev.funnel.analytics.messaging;

import dev.funnel.contracts.Topics;
import dev.funnel.contracts.lead.LeadEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code marketing.leads} a poll at a time into the handler (see {@link PollDelivery}). */
@ApplicationScoped
public class LeadEventConsumer {

    @Inject
    LeadEventHandler handler;

    @Inject
    PollDelivery delivery;

    @Incoming("lead-events")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        delivery.deliver(records, LeadEvent.class, Topics.MARKETING_LEADS, handler::handle);
    }
}
