package dev.funnel.sales.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.testing.FunnelInfrastructure;
import dev.funnel.testing.RoundSettings;
import dev.funnel.testing.RoundSettings.Seen;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The statement that opens a relay round makes the round read the outbox by its index and commit without waiting
 * for its WAL flush, for that transaction only: the pool hands the same connection to others afterwards.
 */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "sales"))
class RelayRoundSettingsTest {

    @Inject
    DataSource dataSource;

    @Test
    void aRoundCommitsWithoutWaitingForTheFlushAndReadsByIndexUntilItsTransactionEnds() throws SQLException {
        assertThat(RoundSettings.of(dataSource, OutboxRelay::leader, "synchronous_commit", "enable_seqscan"))
                .containsEntry("synchronous_commit", new Seen("off", "on"))
                .containsEntry("enable_seqscan", new Seen("off", "on"));
    }
}
