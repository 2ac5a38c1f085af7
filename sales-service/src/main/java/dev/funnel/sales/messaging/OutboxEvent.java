package dev.funnel.sales.messaging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An event waiting in the outbox for the relay to hand it to Kafka; deleted once Kafka acknowledged it. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    /** One sequence value at a time: a lead's later event always gets the larger id, whichever instance wrote it. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_event_seq")
    @SequenceGenerator(name = "outbox_event_seq", sequenceName = "outbox_event_seq", allocationSize = 1)
    public Long id;

    /** The CloudEvents id, fixed here so a re-publication after a crash carries the same id. */
    @Column(nullable = false)
    public UUID eventId;
    @Column(nullable = false)
    public String eventType;
    @Column(nullable = false)
    public String source;
    @Column(nullable = false)
    public String topic;
    /** The Kafka key and CloudEvents subject: the aggregate id. */
    @Column(nullable = false)
    public String eventKey;
    @Column(nullable = false)
    public Instant occurredAt;
    /** The JSON payload exactly as it will be published. */
    @Column(nullable = false)
    public String payload;
    /** The W3C trace context the event was written under; null when there was none (or before tracing). */
    public String traceparent;
    public String tracestate;

    protected OutboxEvent() {
    }
}
