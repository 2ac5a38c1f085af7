package dev.funnel.sales.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.pipeline.FollowUpCompleted;
import dev.funnel.contracts.pipeline.FollowUpKind;
import dev.funnel.testing.FunnelInfrastructure;
import dev.funnel.testing.OutboxTable;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The relay empties the outbox as fast as events come; a vacuum of it (the relay's own, every
 * {@code funnel.outbox.vacuum-after} events, or autovacuum's) keeps the emptied pages for the next events
 * instead of giving them back, which would need the lock that every appending transaction conflicts with.
 */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "sales"))
class OutboxVacuumTest {

    @Inject
    Outbox outbox;

    @Inject
    DataSource dataSource;

    @Test
    void aVacuumOfTheEmptiedOutboxKeepsItsPagesRatherThanLockTheTableToGiveThemBack() throws SQLException {
        QuarkusTransaction.requiringNew().run(() -> IntStream.range(0, 300).forEach(i -> {
            UUID lead = UUID.randomUUID();
            outbox.append(EventTypes.FOLLOW_UP_COMPLETED, lead, new FollowUpCompleted(UUID.randomUUID(), lead,
                    FollowUpKind.CALL, UUID.randomUUID(), Instant.now(), "called back", Instant.now()), Instant.now());
        }));
        OutboxTable outboxTable = new OutboxTable(dataSource);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> outboxTable.rows() == 0);
        long pages = outboxTable.pages();

        outboxTable.vacuum();

        assertThat(pages).as("pages the published events filled").isPositive();
        assertThat(outboxTable.pages()).as("pages after a vacuum of the empty outbox").isEqualTo(pages);
    }
}
