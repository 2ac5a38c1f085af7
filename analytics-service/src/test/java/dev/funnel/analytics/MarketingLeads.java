package dev.funnel.analytics;

import dev.funnel.contracts.Channel;
import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.EventCodec;
import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.Topics;
import dev.funnel.contracts.lead.LeadGenerated;
import dev.funnel.testing.FunnelInfrastructure;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

/** Puts records on {@code marketing.leads} as marketing-service would, or as it never should. */
public final class MarketingLeads {

    private MarketingLeads() {
    }

    /** A LeadGenerated payload with the personal fields marketing sends, which analytics must not keep. */
    public static LeadGenerated generated(UUID leadId, UUID campaignId, Channel channel, Instant createdAt) {
        return new LeadGenerated(leadId, "ada+" + leadId + "@example.com", "Ada", "Lovelace", "Analytical Engines",
                "CTO", "+441234567890", "GB", 40, null, null, null, campaignId, channel, null, true, Map.of(),
                null, createdAt);
    }

    /** A record keyed by the event's subject, with the event's CloudEvents headers and this value. */
    public static ProducerRecord<String, String> record(CloudEvent event, String value) {
        return record(null, event, value);
    }

    /** Like {@link #record(CloudEvent, String)} on a chosen partition, to put records in a known order. */
    public static ProducerRecord<String, String> record(Integer partition, CloudEvent event, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.MARKETING_LEADS, partition, event.subject(), value);
        event.headers().forEach((name, bytes) -> record.headers().add(new RecordHeader(name, bytes)));
        return record;
    }

    /** The LeadGenerated event of this payload, as a record. */
    public static ProducerRecord<String, String> generatedRecord(LeadGenerated lead) {
        return record(CloudEvent.of(EventTypes.LEAD_GENERATED, lead.leadId(), lead.createdAt()), EventCodec.write(lead));
    }

    /** Sends the records in order and waits until Kafka has them all. */
    @SafeVarargs
    public static void send(ProducerRecord<String, String>... records) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, FunnelInfrastructure.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer())) {
            for (ProducerRecord<String, String> record : records) {
                producer.send(record).get(15, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + Topics.MARKETING_LEADS, e);
        }
    }
}
