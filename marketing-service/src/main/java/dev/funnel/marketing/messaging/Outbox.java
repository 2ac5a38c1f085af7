package dev.funnel.marketing.messaging;

import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.EventCodec;
import dev.funnel.contracts.EventType;
import dev.funnel.marketing.BeforeCommit;
import dev.funnel.marketing.metrics.FunnelMeters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Where use cases put the events their change announces. Only inside their transaction (MANDATORY):
 * the rows commit or roll back with the state, and the relay is woken as soon as they commit. The
 * funnel's counters count the same events then, so they count only what committed.
 *
 * <p>A transaction's events are written together just before it commits, in one statement in the order
 * they were appended: a group of leads captured together costs one statement for all its events instead
 * of one each. The row lock that orders two changes of one lead is still held then, so their ids (drawn
 * from the sequence as the rows are inserted) keep their order across instances.
 */
@ApplicationScoped
public class Outbox {

    /** Key of the transaction's events, staged until just before it commits. */
    private static final Object STAGED = new Object();
    /**
     * One array a column, unnested into rows in the order they were appended (their ids are drawn from the
     * sequence in that order). See {@link BeforeCommit#column} for why.
     */
    private static final String INSERT = """
            INSERT INTO outbox_event (event_id, event_type, source, topic, event_key, occurred_at, payload,
                                      traceparent, tracestate)
            SELECT event_id, event_type, source, topic, event_key, occurred_at, payload, traceparent, tracestate
            FROM unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::timestamptz[],
                        ?::text[], ?::text[], ?::text[]) WITH ORDINALITY
                 AS appended (event_id, event_type, source, topic, event_key, occurred_at, payload, traceparent,
                              tracestate, position)
            ORDER BY position""";

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
     * Plain JDBC on the transaction's connection: an entity insert with a database-drawn id runs
     * Hibernate's whole insert machinery at once, which was a fifth of lead capture's CPU, for a row that
     * is never read back in this transaction. The row keeps the trace the caller is in (the request's, in
     * lead capture), for the relay to send on.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> CloudEvent append(EventType<T> type, Object aggregateId, T payload, Instant occurredAt) {
        CloudEvent event = CloudEvent.of(type, aggregateId, occurredAt);
        stagedHere().add(new Row(event, type.topic(), EventCodec.write(payload), EventTrace.current(), payload));
        return event;
    }

    /** The events this transaction appended: written before it commits, the relay woken and counted after. */
    private List<Row> stagedHere() {
        return beforeCommit.staged(STAGED, "events to the outbox", Outbox::insert, committed -> {
            relay.wake();
            committed.forEach(row -> meters.committed(row.payload()));
        });
    }

    private static void insert(Connection connection, List<Row> rows) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int column = 0;
            insert.setArray(++column, BeforeCommit.column(connection, "uuid", rows, row -> row.event().id()));
            insert.setArray(++column, BeforeCommit.column(connection, "varchar", rows, row -> row.event().type()));
            insert.setArray(++column, BeforeCommit.column(connection, "varchar", rows, row -> row.event().source()));
            insert.setArray(++column, BeforeCommit.column(connection, "varchar", rows, Row::topic));
            insert.setArray(++column, BeforeCommit.column(connection, "varchar", rows, row -> row.event().subject()));
            insert.setArray(++column, BeforeCommit.column(connection, "text", rows, row -> row.event().time().toString()));
            insert.setArray(++column, BeforeCommit.column(connection, "text", rows, Row::json));
            insert.setArray(++column, BeforeCommit.column(connection, "text", rows,
                    row -> row.trace() == null ? null : row.trace().traceparent()));
            insert.setArray(++column, BeforeCommit.column(connection, "text", rows,
                    row -> row.trace() == null ? null : row.trace().tracestate()));
            insert.executeUpdate();
        }
    }
}
