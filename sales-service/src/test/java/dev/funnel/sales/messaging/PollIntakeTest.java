package dev.funnel.sales.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.contracts.Channel;
import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.EventType;
import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.lead.LeadEngaged;
import dev.funnel.contracts.lead.LeadErased;
import dev.funnel.contracts.lead.LeadEvent;
import dev.funnel.contracts.pipeline.PipelineStage;
import dev.funnel.sales.HistoryEntry;
import dev.funnel.sales.Lead;
import dev.funnel.sales.LeadIntake;
import dev.funnel.sales.LeadIntake.Delivery;
import dev.funnel.sales.Rep;
import dev.funnel.sales.RepRoster;
import dev.funnel.sales.TestLeads;
import dev.funnel.testing.FunnelInfrastructure;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A whole poll taken in one transaction, its leads loaded ahead and its changes written once at commit,
 * gives what taking its events one by one gives: later events see the leads earlier ones created, and the
 * reps still get qualified leads in turn.
 */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "sales"))
class PollIntakeTest {

    @Inject
    LeadIntake intake;

    @Inject
    RepRoster roster;

    private static <T extends LeadEvent> Delivery delivery(EventType<T> type, T event) {
        return new Delivery(CloudEvent.of(type, event.leadId(), Instant.now()), event, Context.root());
    }

    private static LeadEngaged touch(UUID lead) {
        return new LeadEngaged(lead, null, Channel.SEARCH, null, Instant.now());
    }

    @Test
    void laterEventsOfAPollSeeTheLeadsItsEarlierEventsCreated() {
        UUID known = UUID.randomUUID();
        intake.takeAll(List.of(delivery(EventTypes.LEAD_GENERATED, TestLeads.promising(known))));
        UUID fresh = UUID.randomUUID();

        intake.takeAll(List.of(
                delivery(EventTypes.LEAD_GENERATED, TestLeads.promising(fresh)),
                delivery(EventTypes.LEAD_ENGAGED, touch(fresh)),
                // the lead's creation again, under another event id: the lead exists, so nothing changes
                delivery(EventTypes.LEAD_GENERATED, TestLeads.unpromising(fresh)),
                delivery(EventTypes.LEAD_ENGAGED, touch(known)),
                delivery(EventTypes.LEAD_ERASED, new LeadErased(known, Instant.now())),
                delivery(EventTypes.LEAD_ENGAGED, touch(UUID.randomUUID())))); // a lead sales never had

        QuarkusTransaction.requiringNew().run(() -> {
            Lead created = Lead.findById(fresh);
            assertThat(created.touches).isEqualTo(2);
            assertThat(created.stage).isEqualTo(PipelineStage.QUALIFIED);
            assertThat(created.email).isEqualTo(TestLeads.promising(fresh).email());
            assertThat(HistoryEntry.of(fresh)).extracting(entry -> entry.kind)
                    .containsExactlyInAnyOrder(HistoryEntry.Kind.TOUCH, HistoryEntry.Kind.MOVE, HistoryEntry.Kind.TOUCH);
            Lead erased = Lead.findById(known);
            assertThat(erased.touches).isEqualTo(2);
            assertThat(erased.email).isNull();
            assertThat(erased.erasedAt).isNotNull();
        });
    }

    @Test
    void qualifiedLeadsOfOnePollGoToTheActiveRepsInTurnAndTheNextPollGoesOn() {
        List<Rep> othersActive = QuarkusTransaction.requiringNew().call(() -> Rep.<Rep>list("active", true));
        othersActive.forEach(rep -> roster.change(rep.id, null, false));
        try {
            UUID first = roster.add("Poll One", null, true).id;
            UUID second = roster.add("Poll Two", null, true).id;

            List<UUID> leads = Stream.generate(UUID::randomUUID).limit(5).toList();
            intake.takeAll(leads.subList(0, 4).stream()
                    .map(id -> delivery(EventTypes.LEAD_GENERATED, TestLeads.promising(id))).toList());
            intake.takeAll(List.of(delivery(EventTypes.LEAD_GENERATED, TestLeads.promising(leads.get(4)))));

            List<UUID> owners = QuarkusTransaction.requiringNew().call(() ->
                    leads.stream().map(id -> Lead.<Lead>findById(id).ownerId).toList());
            assertThat(owners).containsOnly(first, second);
            assertThat(owners.get(0)).isNotEqualTo(owners.get(1));
            assertThat(owners).containsExactly(owners.get(0), owners.get(1), owners.get(0), owners.get(1),
                    owners.get(0));
        } finally {
            othersActive.forEach(rep -> roster.change(rep.id, null, true));
        }
    }
}
