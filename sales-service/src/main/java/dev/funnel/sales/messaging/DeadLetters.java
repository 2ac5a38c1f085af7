package dev.funnel.sales.messaging;

import dev.funnel.contracts.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Parks a lead event that can never be applied on {@code sales.dead-letter}: the original key, value and
 * headers, plus where it came from and why, in the same headers SmallRye's own dead-letter strategy
 * writes, so one tool reads both. Returns once Kafka has the record, so the batch's offsets are only
 * committed past a poison event that is safely parked; {@code funnel_dead_letters_total} counts it then.
 */
@ApplicationScoped
public class DeadLetters {

    @Inject
    @Channel("lead-dead-letters")
    MutinyEmitter<String> emitter;

    @Inject
    MeterRegistry registry;

    /** Made at start-up for the topic sales reads, so the series exists at 0 before the first poison record. */
    void countFromZero(@Observes StartupEvent started) {
        parked(Topics.MARKETING_LEADS);
    }

    public void park(ConsumerRecord<String, String> record, Throwable reason) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        header(headers, "dead-letter-reason", reason.getMessage() == null ? reason.toString() : reason.getMessage());
        header(headers, "dead-letter-exception-class-name", reason.getClass().getName());
        if (reason.getCause() != null) {
            header(headers, "dead-letter-cause", String.valueOf(reason.getCause().getMessage()));
            header(headers, "dead-letter-cause-class-name", reason.getCause().getClass().getName());
        }
        header(headers, "dead-letter-topic", record.topic());
        header(headers, "dead-letter-partition", Integer.toString(record.partition()));
        header(headers, "dead-letter-offset", Long.toString(record.offset()));
        emitter.sendMessageAndAwait(Message.of(record.value()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(Topics.SALES_DEAD_LETTER)
                .withKey(record.key())
                .withHeaders(headers)
                .build()));
        parked(record.topic()).increment();
    }

    private Counter parked(String topic) {
        return Counter.builder("funnel.dead.letters")
                .description("Records that can never be processed, parked on the dead-letter topic, by the topic they came from")
                .tag("topic", topic)
                .register(registry);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
