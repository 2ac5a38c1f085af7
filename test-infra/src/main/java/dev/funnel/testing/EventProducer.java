package dev.funnel.testing;

import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.EventCodec;
import dev.funnel.contracts.EventType;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

/** Puts events on topics the way a producing service does (binary-mode CloudEvents), or raw bytes for poison tests. */
public final class EventProducer implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public EventProducer(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
    }

    /** Publishes {@code payload} as a new event about {@code subject}; returns its envelope (with its id). */
    public <T> CloudEvent publish(EventType<T> type, Object subject, T payload) {
        CloudEvent event = CloudEvent.of(type, subject, Instant.now());
        publish(event, type.topic(), EventCodec.write(payload));
        return event;
    }

    /** Publishes a given envelope with any value: a redelivery, or a poison message. */
    public void publish(CloudEvent event, String topic, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.subject(), value);
        event.headers().forEach((name, bytes) -> record.headers().add(new RecordHeader(name, bytes)));
        send(record);
    }

    /** Publishes a record exactly as given, headers and all. */
    public void send(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish to " + record.topic(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
