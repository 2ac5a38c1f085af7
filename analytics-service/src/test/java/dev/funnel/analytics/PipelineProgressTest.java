package dev.funnel.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.contracts.pipeline.DealLost;
import dev.funnel.contracts.pipeline.DealWon;
import dev.funnel.contracts.pipeline.FollowUpCompleted;
import dev.funnel.contracts.pipeline.FollowUpKind;
import dev.funnel.contracts.pipeline.LeadDisqualified;
import dev.funnel.contracts.pipeline.LeadQualified;
import dev.funnel.contracts.pipeline.LossReason;
import dev.funnel.contracts.pipeline.PipelineEvent;
import dev.funnel.contracts.pipeline.PipelineStage;
import dev.funnel.contracts.pipeline.StageChanged;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PipelineProgressTest {

    private static final UUID LEAD = UUID.randomUUID();
    private static final Instant CREATED = Instant.parse("2030-01-01T00:00:00Z");

    private static Instant day(int n) {
        return CREATED.plus(Duration.ofDays(n));
    }

    private static PipelineProgress apply(List<PipelineEvent> events) {
        PipelineProgress progress = PipelineProgress.NONE;
        for (PipelineEvent event : events) {
            progress = progress.after(event);
        }
        return progress;
    }

    private static LeadQualified qualified(PipelineStage from, Instant at) {
        return new LeadQualified(LEAD, from, 70, 50, null, "scoring", at);
    }

    private static StageChanged moved(PipelineStage from, PipelineStage to, Instant at) {
        return new StageChanged(LEAD, from, to, "rep", null, at);
    }

    private static DealWon won(String amount, Instant at) {
        return new DealWon(LEAD, PipelineStage.NEGOTIATION, new BigDecimal(amount), "USD", "rep", null, at);
    }

    @Test
    void wonLeadCountsEveryStageItWasMovedIntoAndItsCycle() {
        PipelineProgress progress = apply(List.of(qualified(PipelineStage.NEW, day(1)),
                moved(PipelineStage.QUALIFIED, PipelineStage.CONTACTED, day(2)),
                moved(PipelineStage.CONTACTED, PipelineStage.PROPOSAL, day(3)),
                moved(PipelineStage.PROPOSAL, PipelineStage.NEGOTIATION, day(4)),
                won("1500.00", day(10).plusSeconds(3600))));

        Funnel.Counts counts = progress.countsOf(CREATED);

        assertThat(counts).isEqualTo(new Funnel.Counts(0, 0, 0, 1, 1, 1, 1, 1, 1, 0, new BigDecimal("1500.00"),
                BigDecimal.ZERO, Duration.ofDays(10).plusHours(1)));
    }

    @Test
    void disqualifiedAfterQualificationStillCountsAsQualified() {
        PipelineProgress progress = apply(List.of(qualified(PipelineStage.NEW, day(1)),
                new LeadDisqualified(LEAD, PipelineStage.QUALIFIED, 20, 50, "rep", day(2))));

        assertThat(progress.qualified()).isTrue();
        assertThat(progress.countsOf(CREATED).qualified()).isEqualTo(1);
    }

    @Test
    void lostLeadThatReachedProposalCountsInProposalsAndLost() {
        PipelineProgress progress = apply(List.of(qualified(PipelineStage.NEW, day(1)),
                moved(PipelineStage.QUALIFIED, PipelineStage.CONTACTED, day(2)),
                moved(PipelineStage.CONTACTED, PipelineStage.PROPOSAL, day(3)),
                new DealLost(LEAD, PipelineStage.PROPOSAL, LossReason.PRICE, "rep", null, day(4))));

        Funnel.Counts counts = progress.countsOf(CREATED);
        assertThat(counts.proposals()).isEqualTo(1);
        assertThat(counts.negotiations()).isZero();
        assertThat(counts.lost()).isEqualTo(1);
        assertThat(counts.won()).isZero();
        assertThat(counts.revenue()).isEqualByComparingTo("0");
    }

    @Test
    void onlyStagesSomeEventMovedItIntoCount() {
        // the events of QUALIFIED to NEGOTIATION never arrived: a win from NEGOTIATION does not invent them
        Funnel.Counts counts = apply(List.of(won("900", day(5)))).countsOf(CREATED);

        assertThat(counts.qualified()).isZero();
        assertThat(counts.negotiations()).isZero();
        assertThat(counts.won()).isEqualTo(1);
        assertThat(counts.revenue()).isEqualByComparingTo("900");
    }

    @Test
    void followUpsAndDisqualificationFromNewCountNothing() {
        PipelineProgress progress = apply(List.of(
                new LeadDisqualified(LEAD, PipelineStage.NEW, 10, 50, "scoring", day(1)),
                new FollowUpCompleted(UUID.randomUUID(), LEAD, FollowUpKind.CALL, null, day(2), "no answer", day(2))));

        assertThat(progress).isEqualTo(PipelineProgress.NONE);
        assertThat(progress.countsOf(CREATED)).isEqualTo(new Funnel.Counts(0, 0, 0, 1, 0, 0, 0, 0, 0, 0,
                BigDecimal.ZERO, BigDecimal.ZERO, Duration.ZERO));
    }

    @Test
    void anyOrderGivesTheSameProgress() {
        List<PipelineEvent> events = List.of(qualified(PipelineStage.NEW, day(1)),
                new LeadDisqualified(LEAD, PipelineStage.QUALIFIED, 20, 50, "rep", day(2)),
                qualified(PipelineStage.DISQUALIFIED, day(3)),
                moved(PipelineStage.QUALIFIED, PipelineStage.CONTACTED, day(4)),
                moved(PipelineStage.CONTACTED, PipelineStage.PROPOSAL, day(5)),
                won("700", day(6)), won("650", day(7)));
        PipelineProgress inOrder = apply(events);

        Random random = new Random(5);
        for (int i = 0; i < 20; i++) {
            List<PipelineEvent> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, random);
            assertThat(apply(shuffled)).isEqualTo(inOrder);
        }
        // a deal published again with other figures: the later one stands
        assertThat(inOrder.wonAt()).isEqualTo(day(7));
        assertThat(inOrder.wonAmount()).isEqualByComparingTo("650");
    }

    @Test
    void countsLessCountsBeforeIsWhatTheEventAdded() {
        PipelineProgress before = apply(List.of(qualified(PipelineStage.NEW, day(1))));
        PipelineProgress after = before.after(won("100", day(2)));

        Funnel.Counts delta = after.countsOf(CREATED).minus(before.countsOf(CREATED));

        assertThat(delta).isEqualTo(new Funnel.Counts(0, 0, 0, 0, 0, 0, 0, 0, 1, 0, new BigDecimal("100"),
                BigDecimal.ZERO, Duration.ofDays(2)));
        assertThat(before.countsOf(CREATED).plus(delta)).isEqualTo(after.countsOf(CREATED));
    }
}
