package dev.funnel.marketing.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.EventCodec;
import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.lead.LeadErased;
import dev.funnel.testing.FunnelInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "marketing"))
class OutboxOrderTest {

    @Inject
    EntityManager em;

    @Test
    void eventsAreNumberedInTheOrderTheyAreWrittenWhicheverInstanceWritesThem() {
        UUID lead = UUID.randomUUID();
        long first = QuarkusTransaction.requiringNew().call(() -> persist(lead));
        // another instance of the service, writing between our two events
        long other = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                INSERT INTO outbox_event (event_id, event_type, source, topic, event_key, occurred_at, payload)
                VALUES (?1, ?2, '/funnel/marketing-service', 'marketing.leads', ?3, now(), ?4) RETURNING id""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, EventTypes.LEAD_ERASED.type())
                .setParameter(3, lead.toString())
                .setParameter(4, EventCodec.write(new LeadErased(lead, Instant.now())))
                .getSingleResult()).longValue());
        long last = QuarkusTransaction.requiringNew().call(() -> persist(lead));

        assertThat(first).isLessThan(other);
        assertThat(other).as("an instance must not number events from a block it reserved earlier").isLessThan(last);
    }

    private long persist(UUID lead) {
        Instant now = Instant.now();
        OutboxEvent event = new OutboxEvent(CloudEvent.of(EventTypes.LEAD_ERASED, lead, now), EventTypes.LEAD_ERASED.topic(),
                EventCodec.write(new LeadErased(lead, now)));
        em.persist(event);
        em.flush();
        return event.id;
    }
}
