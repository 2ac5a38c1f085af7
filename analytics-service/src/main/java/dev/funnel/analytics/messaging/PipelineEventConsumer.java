package dev.funnel.analytics.messaging;

import dev.funnel.contracts.Topics;
import dev.funnel.contracts.pipeline.PipelineEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code sales.pipeline} a poll at a time into the handler (see {@link PollDelivery}). */
@ApplicationScoped
public class PipelineEventConsumer {

    @Inject
    PipelineEventHandler handler;

    @Inject
    PollDelivery delivery;

    @Incoming("pipeline-events")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        delivery.deliver(records, PipelineEvent.class, Topics.SALES_PIPELINE, handler::handle);
    }
}
