package dev.funnel.analytics.messaging;

import dev.funnel.analytics.metrics.EventMeters;
import dev.funnel.contracts.Topics;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Parks a record of a polled topic that can never be processed on {@code analytics.dead-letter}: its key, value and
 * headers, plus where it came from and why, in the headers SmallRye's own dead-letter strategy writes (the
 * campaign consumer still uses that), so one tool reads both. Returns once Kafka has it, trying again while Kafka
 * is away, so the poll's offsets are only committed past a poison record that is safely parked.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(5);

    @Inject
    @Channel("dead-letters")
    MutinyEmitter<String> emitter;

    @Inject
    EventMeters meters;

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
        Message<String> parked = Message.of(record.value()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(Topics.ANALYTICS_DEAD_LETTER)
                .withKey(record.key())
                .withHeaders(headers)
                .build());
        Duration pause = Duration.ofMillis(200);
        while (true) {
            try {
                emitter.sendMessageAndAwait(parked);
                break;
            } catch (RuntimeException e) {
                LOG.warnf("parking record %s-%d@%d on the dead-letter topic failed (%s); retrying in %d ms",
                        record.topic(), record.partition(), record.offset(), e.getMessage(), pause.toMillis());
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    // left unacknowledged, the poll is read again after the restart: nothing is lost
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while parking a record", interrupted);
                }
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            }
        }
        meters.parked(record.topic());
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
