package dev.funnel.sales.messaging;

import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.EventCodec;
import dev.funnel.contracts.EventType;
import dev.funnel.sales.metrics.FunnelMeters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.funnel.sales.BeforeCommit;
import dev.funnel.sales.UnnestInsert;
import dev.funnel.sales.UnnestInsert.Column;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Where use cases put the events their change announces. Only inside their transaction (MANDATORY):
 * the rows commit or roll back with the state, and the relay is woken as soon as they commit. The
 * funnel's counters count the same events then, so they count only what committed.
 *
 * <p>A transaction's events are written together just before it commits, in one statement in the order they
 * were appended (see {@link BeforeCommit}): a poll of lead events applied in one transaction costs one
 * statement for all the events it causes. Ids are drawn from the sequence as the rows are inserted, so a
 * lead's later change, committed after, gets the larger id.
 */
@ApplicationScoped
public class Outbox {

    /** Key of the transaction's events, staged until just before it commits. */
    private static final Object STAGED = new Object();
    /** The id is left to the table: drawn from its sequence as each row goes in, in the order appended. */
    private static final UnnestInsert<Row> INSERT = new UnnestInsert<>("outbox_event", List.of(
            new Column<>("event_id", "uuid", row -> row.event().id()),
            new Column<>("event_type", "varchar", row -> row.event().type()),
            new Column<>("source", "varchar", row -> row.event().source()),
            new Column<>("topic", "varchar", Row::topic),
            new Column<>("event_key", "varchar", row -> row.event().subject()),
            new Column<>("occurred_at", "timestamptz", row -> row.event().time().toString()),
            new Column<>("payload", "text", Row::json),
            new Column<>("traceparent", "text", row -> row.trace() == null ? null : row.trace().traceparent()),
            new Column<>("tracestate", "text", row -> row.trace() == null ? null : row.trace().tracestate())));

    @Inject
    BeforeCommit beforeCommit;

    @Inject
    OutboxRelay relay;

    @Inject
    FunnelMeters meters;

    /** An appended event as its row will hold it, with its payload for the counters. */
    private record Row(CloudEvent event, String topic, String json, EventTrace trace, Object payload) {
    }

    /**
     * Appends the event, to be written as a row of {@link OutboxEvent} before the transaction commits.
     * Plain JDBC on the transaction's connection: Hibernate's insert machinery is not needed for a row
     * that is never read back in this transaction. The row keeps the trace the caller is in (a request's,
     * or a lead event's), for the relay to send on.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> CloudEvent append(EventType<T> type, Object aggregateId, T payload, Instant occurredAt) {
        CloudEvent event = CloudEvent.of(type, aggregateId, occurredAt);
        stagedHere().add(new Row(event, type.topic(), EventCodec.write(payload), EventTrace.current(), payload));
        return event;
    }

    /** The events this transaction appended: written before it commits, the relay woken and counted after. */
    private List<Row> stagedHere() {
        return beforeCommit.staged(STAGED, "events to the outbox", INSERT::insert, committed -> {
            relay.wake();
            committed.forEach(row -> meters.committed(row.payload()));
        });
    }
}
