package dev.funnel.analytics.messaging;

import dev.funnel.analytics.LeadFact;
import dev.funnel.analytics.config.AnalyticsConfig;
import dev.funnel.analytics.metrics.EventMeters;
import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.InvalidEventException;
import dev.funnel.contracts.lead.LeadGenerated;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

/**
 * What the busy consumers ({@code marketing.leads}, {@code sales.pipeline}) do with a poll: decode every record,
 * park the ones that can never be processed on the dead-letter topic, and apply the rest in one transaction, in the
 * order polled, so a lead's events keep their order and the poll's rollup changes are summed and written once. If
 * that transaction fails, the poll's events are applied one at a time, each as {@link Delivery} does it: retried
 * until it passes, or parked when it proves to be poison. Offsets are committed only after this returns.
 *
 * <p>Each event still has a span of its own, a child of the trace in its record's headers.
 */
@ApplicationScoped
public class PollDelivery {

    private static final Logger LOG = Logger.getLogger(PollDelivery.class);

    @Inject
    AnalyticsConfig config;

    @Inject
    Tracer tracer;

    @Inject
    EventMeters meters;

    @Inject
    DeadLetters deadLetters;

    @Inject
    Inbox inbox;

    /** A record of the poll, its event, and the span it is applied under. */
    record Polled<T>(ConsumerRecord<String, String> record, CloudEvent event, T payload, Span span) {

        /** The lead the event is about: both topics read here are keyed, and their events subjected, by lead id. */
        Optional<UUID> lead() {
            try {
                return Optional.of(UUID.fromString(event.subject()));
            } catch (IllegalArgumentException | NullPointerException notALead) {
                return Optional.empty();
            }
        }
    }

    public <T> void deliver(ConsumerRecords<String, String> records, Class<T> topicEvents, String topic,
                            Delivery.Handling<T> handling) {
        List<Polled<T>> polled = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            Span span = Delivery.span(tracer, record, topic);
            try {
                CloudEvent event = Delivery.envelope(record);
                span.setAttribute(AttributeKey.stringKey("messaging.message.id"), event.id().toString());
                span.setAttribute(AttributeKey.stringKey("cloudevents.event_type"), event.type());
                polled.add(new Polled<>(record, event, Delivery.decode(event, record.value(), topicEvents, topic), span));
            } catch (InvalidEventException e) {
                park(record, span, e);
            }
        }
        if (polled.isEmpty()) {
            return;
        }
        List<Boolean> applied;
        try {
            applied = inOneTransaction(List.copyOf(polled), () -> {
                List<Boolean> each = new ArrayList<>(polled.size());
                for (Polled<T> one : polled) {
                    try (Scope traced = one.span().makeCurrent()) {
                        each.add(handling.handle(one.event(), one.payload()));
                    }
                }
                return each;
            });
        } catch (RuntimeException e) {
            // which event failed, and whether it ever can pass, is only known one at a time
            LOG.warnf("applying a poll of %d events of %s in one transaction failed (%s); applying them one at a time",
                    polled.size(), topic, e.getMessage());
            applied = null;
        }
        for (int i = 0; i < polled.size(); i++) {
            Polled<T> one = polled.get(i);
            if (applied != null) {
                meters.handled(topic, applied.get(i));
                one.span().end();
                continue;
            }
            try (Scope traced = one.span().makeCurrent()) {
                meters.handled(topic, Delivery.handleUntilDone(one.event(), one.payload(), handling, config.retry()));
                one.span().end();
            } catch (InvalidEventException e) {
                park(one.record(), one.span(), e);
            }
        }
    }

    /**
     * Runs the work in a transaction of its own, the poll's events first claimed in the inbox and their leads'
     * facts locked (or created, with the lead's creation in them when the poll carries it), each in one statement
     * for the whole poll; overridden by tests without a database.
     */
    <R> R inOneTransaction(List<Polled<?>> polled, Supplier<R> work) {
        return QuarkusTransaction.requiringNew().call(() -> {
            inbox.claimAll(polled.stream().map(one -> one.event().id()).toList());
            LeadFact.lockOrCreateAll(polled.stream().map(Polled::lead).flatMap(Optional::stream).toList(),
                    creations(polled));
            return work.get();
        });
    }

    /**
     * The creations the poll brings: of each lead, its first LeadGenerated never processed before, as its handler
     * would take it. That handler then runs, and counts the lead; an event processed before is left out, so that a
     * row is never created with a creation that no handler counts.
     */
    private Map<UUID, LeadFact.Creation> creations(List<Polled<?>> polled) {
        Map<UUID, LeadFact.Creation> creations = new HashMap<>();
        for (Polled<?> one : polled) {
            if (one.payload() instanceof LeadGenerated generated && inbox.claimedFirst(one.event().id())) {
                creations.putIfAbsent(generated.leadId(),
                        new LeadFact.Creation(generated.campaignId(), generated.channel(), generated.createdAt()));
            }
        }
        return creations;
    }

    private void park(ConsumerRecord<String, String> record, Span span, InvalidEventException reason) {
        LOG.errorf("record %s-%d@%d (key %s) can never be processed (%s); parked on the dead-letter topic",
                record.topic(), record.partition(), record.offset(), record.key(), reason.getMessage());
        span.recordException(reason);
        span.setStatus(StatusCode.ERROR, "sent to the dead-letter topic");
        span.end();
        deadLetters.park(record, reason);
    }
}
