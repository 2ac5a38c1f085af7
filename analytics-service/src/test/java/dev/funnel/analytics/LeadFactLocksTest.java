package dev.funnel.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.contracts.Channel;
import dev.funnel.testing.FunnelInfrastructure;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A poll's facts locked ahead in one go are held as one lockOrCreate each would hold them. */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class LeadFactLocksTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void factsLockedAheadAreCreatedLockedAndHandedOutByLockOrCreate() {
        UUID known = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> LeadFact.lockOrCreate(known).created(null, Channel.SEARCH,
                Instant.parse("2026-01-02T03:04:05Z")));

        QuarkusTransaction.requiringNew().run(() -> {
            LeadFact.lockOrCreateAll(List.of(unknown, known, known), Map.of());

            // another connection finds the known lead's row locked by this transaction, and the new one not yet
            assertThat(lockStateSeenElsewhere(known)).isEqualTo("locked");
            assertThat(lockStateSeenElsewhere(unknown)).isEqualTo("absent");
            LeadFact fact = LeadFact.lockOrCreate(known);
            assertThat(fact.leadId).isEqualTo(known);
            assertThat(fact.created()).isTrue();
            assertThat(LeadFact.lockOrCreate(unknown).created()).isFalse();
        });

        assertThat(lockStateSeenElsewhere(known)).isEqualTo("free");
        assertThat(lockStateSeenElsewhere(unknown)).isEqualTo("free"); // created, committed, let go
    }

    @Test
    void aNewLeadsFactIsCreatedWithTheCreationThePollCarriesAndAStoredOneIsLeftAsItIs() {
        UUID fresh = UUID.randomUUID();
        UUID known = UUID.randomUUID();
        UUID campaign = UUID.randomUUID();
        Instant before = Instant.parse("2026-01-02T03:04:05Z");
        Instant at = Instant.parse("2026-03-04T05:06:07.123456789Z");
        QuarkusTransaction.requiringNew().run(() -> LeadFact.lockOrCreate(known).created(null, Channel.SEARCH, before));

        QuarkusTransaction.requiringNew().run(() -> {
            LeadFact.lockOrCreateAll(List.of(fresh, known), Map.of(
                    fresh, new LeadFact.Creation(campaign, Channel.EVENT, at),
                    known, new LeadFact.Creation(campaign, Channel.EVENT, at)));

            assertThat(LeadFact.createdHere(fresh)).isTrue();
            assertThat(LeadFact.createdHere(fresh)).as("told once, to the event that counts the lead").isFalse();
            assertThat(LeadFact.createdHere(known)).isFalse();
            LeadFact created = LeadFact.lockOrCreate(fresh);
            assertThat(created.createdAt).isEqualTo(at.truncatedTo(ChronoUnit.MICROS));
            assertThat(created.campaignId).isEqualTo(campaign);
            assertThat(created.channel).isEqualTo(Channel.EVENT);
            LeadFact stored = LeadFact.lockOrCreate(known);
            assertThat(stored.createdAt).isEqualTo(before);
            assertThat(stored.channel).isEqualTo(Channel.SEARCH);
        });
    }

    /** "locked", "free", or "absent", as a connection outside the test's transaction finds the lead's row. */
    private String lockStateSeenElsewhere(UUID leadId) {
        return CompletableFuture.supplyAsync(() -> {
            try (Connection other = dataSource.getConnection();
                 PreparedStatement lock = other.prepareStatement(
                         "SELECT lead_id FROM lead_fact WHERE lead_id = ? FOR UPDATE NOWAIT")) {
                lock.setObject(1, leadId);
                return lock.executeQuery().next() ? "free" : "absent";
            } catch (SQLException e) {
                if ("55P03".equals(e.getSQLState())) {
                    return "locked";
                }
                throw new IllegalStateException(e);
            }
        }).join();
    }
}
