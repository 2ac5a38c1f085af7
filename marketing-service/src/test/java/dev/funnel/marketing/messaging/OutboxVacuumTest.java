package dev.funnel.marketing.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.Topics;
import dev.funnel.contracts.lead.LeadErased;
import dev.funnel.testing.FunnelInfrastructure;
import dev.funnel.testing.OutboxTable;
import dev.funnel.testing.TopicRecords;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The relay vacuums the outbox itself after {@code funnel.outbox.vacuum-after} published events (20 in
 * tests), so its scans do not walk the dead rows of everything published since autovacuum last came.
 * {@code vacuum_count} counts only vacuums asked for, not autovacuum's.
 */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "marketing"))
class OutboxVacuumTest {

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    private long vacuums() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = 'outbox_event'").getSingleResult()).longValue());
    }

    @Test
    void theRelayVacuumsTheOutboxOnceItHasPublishedEnoughEvents() throws InterruptedException {
        long before = vacuums();

        List<CloudEvent> events = QuarkusTransaction.requiringNew().call(() -> IntStream.range(0, 25).mapToObj(i -> {
            UUID lead = UUID.randomUUID();
            return outbox.append(EventTypes.LEAD_ERASED, lead, new LeadErased(lead, Instant.now()), Instant.now());
        }).toList());

        List<String> ids = events.stream().map(event -> event.id().toString()).toList();
        var sent = TopicRecords.await(FunnelInfrastructure.bootstrapServers(), Topics.MARKETING_LEADS,
                record -> ids.contains(TopicRecords.header(record, "ce_id")), ids.size(), Duration.ofSeconds(20));
        assertThat(sent).hasSize(ids.size());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (vacuums() == before && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(vacuums()).as("vacuums of outbox_event asked for").isGreaterThan(before);
    }

    @Test
    void aVacuumOfTheEmptiedOutboxKeepsItsPagesRatherThanLockTheTableToGiveThemBack() throws SQLException {
        QuarkusTransaction.requiringNew().run(() -> IntStream.range(0, 300).forEach(i -> {
            UUID lead = UUID.randomUUID();
            outbox.append(EventTypes.LEAD_ERASED, lead, new LeadErased(lead, Instant.now()), Instant.now());
        }));
        OutboxTable outboxTable = new OutboxTable(dataSource);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> outboxTable.rows() == 0);
        long pages = outboxTable.pages();

        outboxTable.vacuum();

        assertThat(pages).as("pages the published events filled").isPositive();
        assertThat(outboxTable.pages()).as("pages after a vacuum of the empty outbox").isEqualTo(pages);
    }
}
