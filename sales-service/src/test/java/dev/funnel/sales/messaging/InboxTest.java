package dev.funnel.sales.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.testing.FunnelInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A poll's events claimed in one statement answer as one claim each would. */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "sales"))
class InboxTest {

    @Inject
    Inbox inbox;

    @Inject
    EntityManager em;

    @Test
    void claimingAPollAheadAnswersFirstOnlyForEventsNeverAppliedAndOnlyOnce() {
        UUID applied = UUID.randomUUID();
        UUID fresh = UUID.randomUUID();
        UUID unclaimed = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> assertThat(inbox.firstDelivery(applied)).isTrue());

        List<Boolean> answers = QuarkusTransaction.requiringNew().call(() -> {
            inbox.claimAll(List.of(applied, fresh, fresh));
            List<Boolean> each = new ArrayList<>();
            each.add(inbox.firstDelivery(applied));   // applied in an earlier transaction
            each.add(inbox.firstDelivery(fresh));
            each.add(inbox.firstDelivery(fresh));     // the same event twice in one poll
            each.add(inbox.firstDelivery(unclaimed)); // not claimed ahead: recorded on its own
            each.add(inbox.firstDelivery(unclaimed));
            return each;
        });

        assertThat(answers).containsExactly(false, true, false, true, false);
        assertThat(recorded(List.of(applied, fresh, unclaimed))).isEqualTo(3);
    }

    @Test
    void aClaimRolledBackWithItsTransactionLeavesTheEventsToBeAppliedAgain() {
        UUID event = UUID.randomUUID();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                inbox.claimAll(List.of(event));
                assertThat(inbox.firstDelivery(event)).isTrue();
                throw new IllegalStateException("the poll's effect failed");
            });
        } catch (IllegalStateException expected) {
            // rolled back, as a failing poll is
        }

        assertThat(recorded(List.of(event))).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> {
            inbox.claimAll(List.of(event));
            return inbox.firstDelivery(event);
        })).isTrue();
    }

    private long recorded(List<UUID> ids) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM processed_event WHERE event_id = ANY (?1)")
                .setParameter(1, ids.toArray(UUID[]::new)).getSingleResult()).longValue());
    }
}
