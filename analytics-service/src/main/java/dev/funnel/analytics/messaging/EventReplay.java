package dev.funnel.analytics.messaging;

import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.InvalidEventException;
import dev.funnel.contracts.Topics;
import dev.funnel.contracts.campaign.CampaignEvent;
import dev.funnel.contracts.lead.LeadEvent;
import dev.funnel.contracts.pipeline.PipelineEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Applies a record of any of the three topics with the handler its live consumer uses, decoded the same way,
 * so a replay gives the live figures by construction. What differs: nothing is retried or dead-lettered here.
 */
@ApplicationScoped
public class EventReplay {

    /** An event decoded and ready to be applied. */
    public interface Decoded {
        void apply();
    }

    @Inject
    LeadEventHandler leads;

    @Inject
    CampaignEventHandler campaigns;

    @Inject
    PipelineEventHandler pipeline;

    /**
     * The record as an event to apply; empty for poison (its live consumer dead-lettered it) and for records of
     * topics analytics does not read.
     */
    public Optional<Decoded> decode(ConsumerRecord<String, String> record) {
        try {
            CloudEvent event = Delivery.envelope(record);
            return Optional.ofNullable(switch (record.topic()) {
                case Topics.MARKETING_LEADS -> decoded(event, Delivery.decode(event, record.value(), LeadEvent.class,
                        record.topic()), leads::handle);
                case Topics.MARKETING_CAMPAIGNS -> decoded(event, Delivery.decode(event, record.value(),
                        CampaignEvent.class, record.topic()), campaigns::handle);
                case Topics.SALES_PIPELINE -> decoded(event, Delivery.decode(event, record.value(),
                        PipelineEvent.class, record.topic()), pipeline::handle);
                default -> null;
            });
        } catch (InvalidEventException poison) {
            return Optional.empty();
        }
    }

    /** Applies decoded events inside the caller's transaction, which decides where they land. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(Iterable<Decoded> events) {
        for (Decoded event : events) {
            event.apply();
        }
    }

    private static <T> Decoded decoded(CloudEvent event, T payload, Delivery.Handling<T> handling) {
        return () -> handling.handle(event, payload);
    }
}
