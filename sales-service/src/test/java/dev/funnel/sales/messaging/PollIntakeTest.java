package dev.funnel.sales.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.contracts.Channel;
import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.EventType;
import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.lead.LeadEngaged;
import dev.funnel.contracts.lead.LeadErased;
import dev.funnel.contracts.lead.LeadEvent;
import dev.funnel.contracts.lead.LeadGenerated;
import dev.funnel.contracts.lead.Timeline;
import dev.funnel.contracts.pipeline.PipelineStage;
import dev.funnel.sales.HistoryEntry;
import dev.funnel.sales.Lead;
import dev.funnel.sales.LeadIntake;
import dev.funnel.sales.LeadHistory;
import dev.funnel.sales.LeadIntake.Delivery;
import dev.funnel.sales.Move;
import dev.funnel.sales.PipelineMoves;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    @Inject
    PipelineMoves moves;

    @Inject
    LeadHistory history;

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

    /**
     * New leads, their history and the events they cause are written with plain JDBC just before the commit
     * (BeforeCommit): every field has to come back as it went in, and the stored lead has to work as one
     * Hibernate stored (its version checked by the next change).
     */
    @Test
    void aNewLeadIsStoredWithEveryFieldItCameWithAndItsHistory() {
        UUID id = UUID.randomUUID();
        UUID campaign = UUID.randomUUID();
        Instant createdAt = Instant.parse("2026-03-04T05:06:07.123456Z");
        LeadGenerated generated = new LeadGenerated(id, "o'brien+" + id + "@example.com", "Ann \"Nan\"", "O'Brien, Jr.",
                "Acme, \"Inc.\"", "VP of Sales", "+353 1 555 0100", "IE", 5000, new BigDecimal("90000.25"), "USD",
                Timeline.NOW, campaign, Channel.EVENT, null, true, Map.of("form", "booth"), null, createdAt);
        Instant before = Instant.now();

        intake.takeAll(List.of(delivery(EventTypes.LEAD_GENERATED, generated)));

        QuarkusTransaction.requiringNew().run(() -> {
            Lead lead = Lead.findById(id);
            assertThat(lead.email).isEqualTo(generated.email());
            assertThat(lead.firstName).isEqualTo("Ann \"Nan\"");
            assertThat(lead.lastName).isEqualTo("O'Brien, Jr.");
            assertThat(lead.company).isEqualTo("Acme, \"Inc.\"");
            assertThat(lead.jobTitle).isEqualTo("VP of Sales");
            assertThat(lead.phone).isEqualTo("+353 1 555 0100");
            assertThat(lead.country).isEqualTo("IE");
            assertThat(lead.companySize).isEqualTo(5000);
            assertThat(lead.budget).isEqualByComparingTo("90000.25");
            assertThat(lead.currency).isEqualTo("USD");
            assertThat(lead.timeline).isEqualTo(Timeline.NOW);
            assertThat(lead.campaignId).isEqualTo(campaign);
            assertThat(lead.channel).isEqualTo(Channel.EVENT);
            assertThat(lead.stage).isEqualTo(PipelineStage.QUALIFIED);
            assertThat(lead.touches).isEqualTo(1);
            assertThat(lead.score).isPositive();
            assertThat(lead.scoreBreakdown).isNotEmpty();
            assertThat(lead.scoreBreakdown.stream().mapToInt(line -> line.points()).sum()).isEqualTo(lead.score);
            assertThat(lead.threshold).isEqualTo(50);
            assertThat(lead.rulesVersion).isNotNull();
            assertThat(lead.createdAt).isEqualTo(createdAt);
            assertThat(lead.receivedAt).isBetween(before, Instant.now());
            assertThat(lead.stageChangedAt).isBetween(lead.receivedAt, Instant.now());
            assertThat(lead.amount).isNull();
            assertThat(lead.amountCurrency).isNull();
            assertThat(lead.lossReason).isNull();
            assertThat(lead.erasedAt).isNull();
            assertThat(lead.version).isZero();

            List<HistoryEntry> history = HistoryEntry.of(id);
            assertThat(history).extracting(entry -> entry.kind)
                    .containsExactly(HistoryEntry.Kind.TOUCH, HistoryEntry.Kind.MOVE);
            HistoryEntry touch = history.get(0);
            assertThat(touch.channel).isEqualTo(Channel.EVENT);
            assertThat(touch.campaignId).isEqualTo(campaign);
            assertThat(touch.occurredAt).isEqualTo(createdAt);
            HistoryEntry move = history.get(1);
            assertThat(move.fromStage).isEqualTo(PipelineStage.NEW);
            assertThat(move.toStage).isEqualTo(PipelineStage.QUALIFIED);
            assertThat(move.by).isEqualTo(Move.SCORING);
            assertThat(move.occurredAt).isEqualTo(lead.stageChangedAt);
            assertThat(move.id).isNotEqualTo(touch.id);
        });

        // the first change of the stored lead passes its version check, and bumps it
        moves.move(id, Move.to(PipelineStage.CONTACTED, "rep@example.com"));
        QuarkusTransaction.requiringNew().run(() -> {
            Lead lead = Lead.findById(id);
            assertThat(lead.stage).isEqualTo(PipelineStage.CONTACTED);
            assertThat(lead.version).isEqualTo(1L);
            assertThat(HistoryEntry.of(id)).extracting(entry -> entry.toStage).last()
                    .isEqualTo(PipelineStage.CONTACTED);
        });
    }

    @Test
    void aLeadTakenInAndErasedInOnePollIsStoredErasedWithWhatItLacksLeftEmpty() {
        UUID id = UUID.randomUUID();
        Instant erasedAt = Instant.parse("2026-03-05T00:00:00Z");

        intake.takeAll(List.of(
                delivery(EventTypes.LEAD_GENERATED, TestLeads.unpromising(id)),
                delivery(EventTypes.LEAD_ERASED, new LeadErased(id, erasedAt))));

        QuarkusTransaction.requiringNew().run(() -> {
            Lead lead = Lead.findById(id);
            assertThat(lead.email).isNull();
            assertThat(lead.firstName).isNull();
            assertThat(lead.lastName).isNull();
            assertThat(lead.company).isNull();
            assertThat(lead.jobTitle).isNull();
            assertThat(lead.erasedAt).isEqualTo(erasedAt);
            assertThat(lead.phone).isNull();
            assertThat(lead.budget).isNull();
            assertThat(lead.currency).isNull();
            assertThat(lead.campaignId).isNull();
            assertThat(lead.ownerId).isNull();
            assertThat(lead.country).isEqualTo("GB");
            assertThat(lead.stage).isEqualTo(PipelineStage.DISQUALIFIED);
            assertThat(HistoryEntry.of(id)).hasSize(2);
        });

        // a note written in the transaction that erases the lead goes too, though its row is not stored yet
        QuarkusTransaction.requiringNew().run(() -> {
            Lead lead = Lead.findById(id);
            history.add(HistoryEntry.move(lead, PipelineStage.DISQUALIFIED,
                    new Move(PipelineStage.QUALIFIED, null, null, null, "Ann asked to be called back", "rep"), "USD",
                    Instant.now()));
            history.eraseNotes(id);
        });
        QuarkusTransaction.requiringNew().run(() ->
                assertThat(HistoryEntry.of(id)).hasSize(3).allSatisfy(entry -> assertThat(entry.note).isNull()));
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
