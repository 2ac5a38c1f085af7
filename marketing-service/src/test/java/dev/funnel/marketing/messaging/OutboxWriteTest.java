package dev.funnel.marketing.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.Topics;
import dev.funnel.contracts.lead.LeadErased;
import dev.funnel.testing.FunnelInfrastructure;
import dev.funnel.testing.TopicRecords;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Events appended in a transaction are written just before it commits, on its own connection: they commit
 * or roll back with it, and the write leaves no connection handle open through the commit (the pool warned
 * of one at every commit when the write took Hibernate's handle again after Hibernate had let it go).
 */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "marketing"))
class OutboxWriteTest {

    private static final Logger POOL = Logger.getLogger("io.agroal.pool");
    private static final SimpleFormatter MESSAGE = new SimpleFormatter();

    private final List<LogRecord> poolWarnings = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                poolWarnings.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @BeforeEach
    void listenToThePool() {
        POOL.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        POOL.removeHandler(capture);
    }

    private CloudEvent appendAfterAQuery() {
        UUID lead = UUID.randomUUID();
        // the session has the connection already, as in lead capture, where the email is looked up first
        em.createNativeQuery("SELECT count(*) FROM lead WHERE id = ?1").setParameter(1, lead).getSingleResult();
        return outbox.append(EventTypes.LEAD_ERASED, lead, new LeadErased(lead, Instant.now()), Instant.now());
    }

    private long rowsOf(CloudEvent event) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM outbox_event WHERE event_id = ?1")
                .setParameter(1, event.id()).getSingleResult()).longValue());
    }

    @Test
    void appendedEventsCommitWithTheirTransactionAndLeaveNothingOpenForThePoolToWarnOf() {
        List<CloudEvent> events = QuarkusTransaction.requiringNew().call(() -> List.of(appendAfterAQuery(),
                appendAfterAQuery()));

        // committed rows are what the relay sends (and then deletes): both events reach the topic
        List<String> ids = events.stream().map(event -> event.id().toString()).toList();
        var sent = TopicRecords.await(FunnelInfrastructure.bootstrapServers(), Topics.MARKETING_LEADS,
                record -> ids.contains(TopicRecords.header(record, "ce_id")), 2, Duration.ofSeconds(20));
        assertThat(sent).extracting(record -> TopicRecords.header(record, "ce_id"))
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(poolWarnings).extracting(MESSAGE::formatMessage).isEmpty();
    }

    @Test
    void appendedEventsRollBackWithTheirTransaction() {
        CloudEvent[] appended = new CloudEvent[1];
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                appended[0] = appendAfterAQuery();
                throw new IllegalStateException("the change failed after its event was appended");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }

        assertThat(appended[0]).isNotNull();
        assertThat(rowsOf(appended[0])).isZero();
        assertThat(poolWarnings).extracting(MESSAGE::formatMessage).isEmpty();
    }
}
