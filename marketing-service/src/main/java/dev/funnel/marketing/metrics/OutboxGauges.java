package dev.funnel.marketing.metrics;

import dev.funnel.contracts.EventTypes;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The outbox as Prometheus sees it: {@code funnel_outbox_backlog}, the events not yet published, and
 * {@code funnel_outbox_oldest_unsent_age_seconds}, how long the oldest of them has waited (0 when none waits).
 *
 * <p>Read from the table when Prometheus scrapes, not kept by the relay: only one instance's relay holds the
 * lock at a time, and the table is the truth every instance sees alike (so take the max over instances, not
 * the sum). One statement per scrape, both gauges share it. The oldest row and the id range come from the
 * primary key's index; rows are counted exactly up to {@value #COUNTED_EXACTLY}, beyond that (Kafka away for a
 * while) the id range stands in, so a scrape never scans a large backlog.
 */
@ApplicationScoped
public class OutboxGauges {

    private static final Logger LOG = Logger.getLogger(OutboxGauges.class);
    static final int COUNTED_EXACTLY = 10_000;
    /** Both gauges of one scrape read the same snapshot. */
    private static final Duration FRESH_FOR = Duration.ofSeconds(1);
    /*
     * An event's time is when its change happened, which is when its row was written, except for awareness:
     * its time is the hour it counts for, and the row was written at its recordedAt.
     */
    private static final String SNAPSHOT = """
            SELECT (SELECT count(*) FROM (SELECT 1 FROM outbox_event LIMIT %d) AS first_rows),
                   (SELECT max(id) - min(id) + 1 FROM outbox_event),
                   (SELECT CASE WHEN event_type = ? THEN (payload::jsonb ->> 'recordedAt')::timestamptz
                                ELSE occurred_at END
                      FROM outbox_event ORDER BY id LIMIT 1)""".formatted(COUNTED_EXACTLY + 1);

    /** What one look at the table found. */
    private record Snapshot(double backlog, double oldestAgeSeconds, Instant takenAt) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    private volatile Snapshot last = new Snapshot(Double.NaN, Double.NaN, Instant.MIN);

    void register(@Observes StartupEvent started, MeterRegistry registry) {
        Gauge.builder("funnel.outbox.backlog", this, gauges -> gauges.snapshot().backlog())
                .description("Events in the outbox not yet published to Kafka")
                .strongReference(true)
                .register(registry);
        Gauge.builder("funnel.outbox.oldest.unsent.age", this, gauges -> gauges.snapshot().oldestAgeSeconds())
                .description("How long the oldest event not yet published has waited in the outbox; 0 when none waits")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
    }

    private Snapshot snapshot() {
        Snapshot snapshot = last;
        Instant now = clock.instant();
        if (snapshot.takenAt().plus(FRESH_FOR).isAfter(now)) {
            return snapshot;
        }
        snapshot = look(now);
        last = snapshot;
        return snapshot;
    }

    private Snapshot look(Instant now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(SNAPSHOT)) {
            select.setString(1, EventTypes.AWARENESS_RECORDED.type());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                long counted = row.getLong(1);
                long span = row.getLong(2);
                Timestamp oldest = row.getTimestamp(3);
                double backlog = counted <= COUNTED_EXACTLY ? counted : span;
                double age = oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), now).toMillis() / 1000.0);
                return new Snapshot(backlog, age, now);
            }
        } catch (SQLException e) {
            LOG.debugf("outbox gauges: the database did not answer (%s)", e.getMessage());
            return new Snapshot(Double.NaN, Double.NaN, now);
        }
    }
}
