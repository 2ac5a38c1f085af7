package dev.funnel.sales.messaging;

import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.EventCodec;
import dev.funnel.contracts.EventType;
import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.InvalidEventException;
import dev.funnel.contracts.lead.LeadEvent;
import dev.funnel.sales.LeadIntake;
import dev.funnel.sales.LeadIntake.Delivery;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code marketing.leads} a poll at a time and applies each poll's events in one transaction,
 * in the order polled, so a lead's events stay in order. A record that can never be applied (bad
 * envelope, unknown type, a payload that does not fit, or one the database refuses as data) is parked
 * on the dead-letter topic and the rest go on; any other failure, such as the database being away, is
 * retried until it passes, so nothing is lost. Offsets are committed only after this returns.
 *
 * <p>Each event is processed under a span of its own, a child of the trace in its record's headers
 * (SmallRye's tracing of the channel is off: it would trace the poll, not each event), and the events it
 * causes carry that span's trace on.
 */
@ApplicationScoped
public class LeadEventConsumer {

    private static final Logger LOG = Logger.getLogger(LeadEventConsumer.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    @Inject
    LeadIntake intake;

    @Inject
    DeadLetters deadLetters;

    @Inject
    Tracer tracer;

    @Incoming("lead-events")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) throws InterruptedException {
        List<Polled> polled = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            try {
                polled.add(read(record));
            } catch (InvalidEventException e) {
                park(record, e);
            }
        }
        if (polled.isEmpty()) {
            return;
        }
        try {
            intake.takeAll(polled.stream().map(Polled::delivery).toList());
        } catch (RuntimeException e) {
            // which event failed, and whether it ever can pass, is only known one at a time
            LOG.warnf("applying a batch of %d events failed (%s); applying them one at a time", polled.size(),
                    e.getMessage());
            for (Polled one : polled) {
                takeOne(one);
            }
        } finally {
            polled.forEach(one -> one.span().end());
        }
    }

    /** A record of the poll, the event read from it, and the span it is processed under. */
    private record Polled(ConsumerRecord<String, String> record, Delivery delivery, Span span) {
    }

    private Polled read(ConsumerRecord<String, String> record) {
        CloudEvent envelope = CloudEvent.fromHeaders(name -> {
            Header header = record.headers().lastHeader(name);
            return header == null ? null : header.value();
        });
        EventType<?> type = EventTypes.byType(envelope.type())
                .orElseThrow(() -> new InvalidEventException("unknown event type " + envelope.type()));
        if (!(EventCodec.read(record.value(), type) instanceof LeadEvent event)) {
            throw new InvalidEventException(envelope.type() + " is not a lead event");
        }
        Span span = EventTrace.process(tracer, record, envelope);
        return new Polled(record, new Delivery(envelope, event, Context.root().with(span)), span);
    }

    private void takeOne(Polled one) throws InterruptedException {
        Delivery delivery = one.delivery();
        AtomicReference<RuntimeException> refused = new AtomicReference<>();
        untilItPasses(() -> "applying event %s of lead %s".formatted(delivery.envelope().id(), one.record().key()), () -> {
            try {
                intake.take(delivery);
            } catch (RuntimeException e) {
                if (!refusedAsData(e)) {
                    throw e;
                }
                refused.set(e);
            }
        });
        if (refused.get() != null) {
            LOG.errorf("event %s of lead %s can never be applied (%s); parked on the dead-letter topic",
                    delivery.envelope().id(), one.record().key(), refused.get().getMessage());
            one.span().recordException(refused.get());
            one.span().setStatus(StatusCode.ERROR, "parked on the dead-letter topic");
            park(one.record(), refused.get());
        }
    }

    /** Parks a poison record, trying again while Kafka does not take it: the batch waits rather than lose it. */
    private void park(ConsumerRecord<String, String> record, Throwable reason) throws InterruptedException {
        untilItPasses(() -> "parking record %s-%d@%d (key %s) on the dead-letter topic".formatted(record.topic(),
                record.partition(), record.offset(), record.key()), () -> deadLetters.park(record, reason));
    }

    /** Runs the attempt until it no longer throws, waiting longer after each failure (up to MAX_BACKOFF). */
    private static void untilItPasses(Supplier<String> what, Runnable attempt) throws InterruptedException {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                attempt.run();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("%s failed (%s); retrying in %d ms", what.get(), e.getMessage(), backoff.toMillis());
                Thread.sleep(backoff);
                backoff = longer(backoff);
            }
        }
    }

    private static Duration longer(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
    }

    /**
     * Whether the database refused the event's data itself (SQL state class 22, data exception, or 23,
     * integrity constraint violation): trying again cannot help. Anything else, a lost connection above
     * all, may pass later.
     */
    static boolean refusedAsData(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23");
            }
        }
        return false;
    }
}
