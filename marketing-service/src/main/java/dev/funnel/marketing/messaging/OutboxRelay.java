package dev.funnel.marketing.messaging;

import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.Topics;
import dev.funnel.marketing.config.MarketingConfig;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Hands outbox events to Kafka in commit order: woken right after each commit, and every
 * {@code funnel.outbox.poll-interval} in case a crash or another instance left events behind.
 * A batch is deleted only after Kafka acknowledged all of it ({@code acks=all}, idempotent producer);
 * when anything fails the whole batch stays and is sent again later with the same CloudEvents ids,
 * which consumers use to skip what they already have. One relay per database at a time
 * (a transaction-scoped advisory lock), so scaled-out instances do not reorder a lead's events.
 *
 * <p>Every event published leaves a dead row behind. Autovacuum visits a table at most about once a minute,
 * and until it does each round's {@code ORDER BY id} scan walks the dead rows before it finds a live one:
 * under load that scan was the largest statement cost in the sales database (1.7 ms and 590 buffers a
 * round). So the relay has the outbox vacuumed after every {@code funnel.outbox.vacuum-after} deletes, on a
 * thread of its own, and the relay publishes meanwhile. The table keeps its emptied pages (V7): giving them
 * back needs a lock that every appending transaction conflicts with, and vacuums spent 0.2-1.4 s at
 * 1,000 leads/s trying for it; without that step one takes a few milliseconds.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key of the relay: any constant unique within the marketing database. */
    static final long RELAY_LOCK = 0x6F7574626F78L;

    @Inject
    EntityManager em;

    @Inject
    MarketingConfig config;

    @Inject
    Tracer tracer;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** Announces the relay's producer: the Kafka metrics binder then exports its metrics as it does SmallRye's clients'. */
    @Inject
    Event<Producer<?, ?>> producers;

    private final Semaphore wakeUps = new Semaphore(0);
    /** Set while a vacuum runs: the relay does not queue another behind it. */
    private final AtomicBoolean vacuuming = new AtomicBoolean();
    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, String> producer;

    void start(@Observes StartupEvent started) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000,
                ProducerConfig.CLIENT_ID_CONFIG, "marketing-outbox-relay"),
                new StringSerializer(), new StringSerializer());
        producers.fire(producer);
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::relay);
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        running = false;
        wakeUps.release();
        if (worker != null) {
            worker.join(Duration.ofSeconds(10));
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Called after a commit that appended events: publish now rather than at the next poll. */
    public void wake() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    private void relay() {
        warmUp();
        Duration backoff = Duration.ZERO;
        long deletedSinceVacuum = 0;
        while (running) {
            try {
                Round round = QuarkusTransaction.requiringNew().timeout(60).call(this::publishBatch);
                if (round.failure() != null) {
                    throw round.failure();
                }
                if (!backoff.isZero()) {
                    LOG.info("outbox relay: Kafka is reachable again, publishing resumed");
                    backoff = Duration.ZERO;
                }
                deletedSinceVacuum += round.sent();
                if (config.outbox().vacuumAfter() > 0 && deletedSinceVacuum >= config.outbox().vacuumAfter()
                        && vacuuming.compareAndSet(false, true)) {
                    Thread.ofPlatform().name("outbox-vacuum").daemon().start(this::vacuum);
                    deletedSinceVacuum = 0;
                }
                if (round.sent() < config.outbox().batchSize()) {
                    wakeUps.tryAcquire(config.outbox().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                backoff = backoff.isZero() ? Duration.ofMillis(200) : min(backoff.multipliedBy(2), config.outbox().maxBackoff());
                LOG.warnf("outbox relay: publishing failed (%s); events stay in the outbox, next attempt in %d ms",
                        rootMessage(e), backoff.toMillis());
                sleep(backoff);
            }
        }
    }

    /**
     * Clears the published events' dead rows, outside any transaction (VACUUM cannot run in one). A vacuum
     * already running on the table (autovacuum, another instance) is left to do it; a failure only costs
     * slower scans until the next one, so it is logged, not raised.
     */
    private void vacuum() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            statement.execute("VACUUM (SKIP_LOCKED) outbox_event");
        } catch (SQLException e) {
            LOG.debugf("outbox relay: vacuuming the outbox failed (%s); autovacuum will do it later", rootMessage(e));
        } finally {
            vacuuming.set(false);
        }
    }

    /** Fetches topic metadata now, so the first lead after start-up does not wait for it. */
    private void warmUp() {
        for (String topic : Topics.ALL) {
            try {
                producer.partitionsFor(topic);
            } catch (RuntimeException e) {
                LOG.infof("outbox relay: Kafka not reachable yet (%s); events wait in the outbox", rootMessage(e));
                return;
            }
        }
    }

    /**
     * What one round did: how many events Kafka acknowledged (and the outbox let go of), and the first
     * failure, if any, which the relay backs off from after the round has committed.
     */
    private record Round(int sent, RuntimeException failure) {
    }

    /**
     * One round: the oldest events, sent, and those Kafka acknowledged deleted. An event Kafka did not
     * acknowledge stays for the next round, but those it did are not sent again: re-sending a whole
     * batch after one failure put a second copy of every other event on the topic (seen when the broker
     * came back while a batch was under way).
     */
    private Round publishBatch() {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            if (!leader(connection)) {
                return new Round(0, null);
            }
            List<Waiting> batch = oldest(connection, config.outbox().batchSize());
            if (batch.isEmpty()) {
                return new Round(0, null);
            }
            // Metadata first: a send that waits for it and times out would fail one event while the events
            // after it, once the metadata arrives, are delivered ahead of it.
            try {
                batch.stream().map(Waiting::topic).distinct().forEach(producer::partitionsFor);
            } catch (RuntimeException e) {
                return new Round(0, e);
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
            for (Waiting event : batch) {
                acks.add(send(event));
            }
            List<Long> delivered = new ArrayList<>(batch.size());
            RuntimeException failure = null;
            for (int i = 0; i < batch.size(); i++) {
                try {
                    acks.get(i).get(30, TimeUnit.SECONDS);
                    delivered.add(batch.get(i).id());
                } catch (ExecutionException | TimeoutException e) {
                    if (failure == null) {
                        failure = new IllegalStateException("Kafka did not acknowledge event " + batch.get(i).eventId(),
                                e instanceof ExecutionException ? e.getCause() : e);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("outbox relay interrupted while waiting for Kafka", e);
                }
            }
            delete(connection, delivered);
            return new Round(delivered.size(), failure);
        });
    }

    /**
     * An outbox row on its way to Kafka. Read and deleted with plain JDBC, not as {@link OutboxEvent}
     * entities: Hibernate's loading, dirty checking and a new SQL text per number of ids to delete were a
     * third of the relay's CPU for rows it only passes on.
     */
    private record Waiting(long id, UUID eventId, String eventType, String source, String topic, String eventKey,
                           Instant occurredAt, String payload, EventTrace trace) {

        CloudEvent cloudEvent() {
            return new CloudEvent(eventId, eventType, source, eventKey, occurredAt);
        }
    }

    /**
     * True when this instance holds the relay's lock until the round's transaction ends.
     *
     * <p>The same statement bars sequential scans for the rest of the round's transaction, so {@link #oldest}
     * reads the outbox through its primary key. The table keeps the pages its deleted rows emptied (migration
     * V7), and with a few hundred of those the planner rated a scan of the whole heap and a sort as cheap as
     * the index: under load that plan read all 1,178 pages of sales' outbox for every round, 3.5-14 ms each
     * (EXPLAIN ANALYZE at 1,000 leads/s), where the index finds the few rows waiting in well under one.
     *
     * <p>It also lets the round commit without waiting for its WAL to reach the disk. All a round writes is the
     * deletion of events Kafka acknowledged; were that lost in a crash of PostgreSQL, the events would be sent
     * again under their own CloudEvent ids, which every consumer's inbox recognises. A durable commit bought
     * nothing but a flush: the rounds were among the several hundred WAL flushes a second that every commit of the
     * funnel queues behind (about 1 ms each here at 1,000 leads/s).
     */
    static boolean leader(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?), "
                + "set_config('enable_seqscan', 'off', true), set_config('synchronous_commit', 'off', true)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet row = lock.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    private static List<Waiting> oldest(Connection connection, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT id, event_id, event_type, source, topic, event_key, occurred_at, payload, traceparent, tracestate
                FROM outbox_event ORDER BY id LIMIT ?""")) {
            select.setInt(1, limit);
            List<Waiting> batch = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String traceparent = rows.getString(9);
                    batch.add(new Waiting(rows.getLong(1), rows.getObject(2, UUID.class), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6),
                            rows.getObject(7, OffsetDateTime.class).toInstant(), rows.getString(8),
                            traceparent == null ? null : new EventTrace(traceparent, rows.getString(10))));
                }
            }
            return batch;
        }
    }

    private static void delete(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox_event WHERE id = ANY (?)")) {
            delete.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            delete.executeUpdate();
        }
    }

    /** Sends one event; a traced one under a publication span that Kafka's answer ends. */
    private Future<RecordMetadata> send(Waiting event) {
        ProducerRecord<String, String> record = toRecord(event);
        EventTrace trace = event.trace();
        if (trace == null) {
            return producer.send(record); // written outside any trace, or before tracing: sent without one
        }
        Span span = trace.publish(tracer, event.topic(), event.eventId().toString(), record.headers());
        try {
            return producer.send(record, (metadata, failure) -> EventTrace.published(span, failure));
        } catch (RuntimeException e) {
            EventTrace.published(span, e);
            throw e;
        }
    }

    private static ProducerRecord<String, String> toRecord(Waiting event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.eventKey(), event.payload());
        event.cloudEvent().headers().forEach((name, value) -> record.headers().add(new RecordHeader(name, value)));
        return record;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
