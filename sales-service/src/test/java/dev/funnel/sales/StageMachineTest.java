package dev.funnel.sales;

import static dev.funnel.contracts.pipeline.PipelineStage.CONTACTED;
import static dev.funnel.contracts.pipeline.PipelineStage.DISQUALIFIED;
import static dev.funnel.contracts.pipeline.PipelineStage.LOST;
import static dev.funnel.contracts.pipeline.PipelineStage.NEGOTIATION;
import static dev.funnel.contracts.pipeline.PipelineStage.NEW;
import static dev.funnel.contracts.pipeline.PipelineStage.PROPOSAL;
import static dev.funnel.contracts.pipeline.PipelineStage.QUALIFIED;
import static dev.funnel.contracts.pipeline.PipelineStage.WON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.funnel.contracts.pipeline.LossReason;
import dev.funnel.contracts.pipeline.PipelineStage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StageMachineTest {

    /** The pipeline of API.md, written out move by move. */
    private static final Set<List<PipelineStage>> ALLOWED = Set.of(
            List.of(NEW, QUALIFIED), List.of(NEW, DISQUALIFIED), List.of(NEW, LOST),
            List.of(QUALIFIED, CONTACTED), List.of(QUALIFIED, DISQUALIFIED), List.of(QUALIFIED, LOST),
            List.of(DISQUALIFIED, QUALIFIED),
            List.of(CONTACTED, PROPOSAL), List.of(CONTACTED, LOST),
            List.of(PROPOSAL, NEGOTIATION), List.of(PROPOSAL, LOST),
            List.of(NEGOTIATION, WON), List.of(NEGOTIATION, LOST));

    static Stream<Arguments> allowedMoves() {
        return ALLOWED.stream().map(m -> Arguments.of(m.get(0), m.get(1)));
    }

    static Stream<Arguments> refusedMoves() {
        List<Arguments> refused = new ArrayList<>();
        for (PipelineStage from : PipelineStage.values()) {
            for (PipelineStage to : PipelineStage.values()) {
                if (!ALLOWED.contains(List.of(from, to))) {
                    refused.add(Arguments.of(from, to));
                }
            }
        }
        return refused.stream();
    }

    /** A move to {@code to} carrying what that stage needs. */
    private static Move complete(PipelineStage to) {
        return new Move(to, to == WON ? new BigDecimal("1200.00") : null, null,
                to == LOST ? LossReason.PRICE : null, "a note", "ada");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("allowedMoves")
    void everyMoveOfThePipelineIsAllowed(PipelineStage from, PipelineStage to) {
        assertThatCode(() -> StageMachine.check(from, complete(to))).doesNotThrowAnyException();
        assertThat(StageMachine.allowedFrom(from)).contains(to);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("refusedMoves")
    void everyOtherMoveIsRefusedNamingTheCurrentStageAndTheAllowedOnes(PipelineStage from, PipelineStage to) {
        assertThatThrownBy(() -> StageMachine.check(from, complete(to)))
                .isInstanceOfSatisfying(IllegalMoveException.class, e -> {
                    assertThat(e.current()).isEqualTo(from);
                    assertThat(e.allowed()).containsExactlyElementsOf(StageMachine.allowedFrom(from));
                    assertThat(e.getMessage()).contains(from.name());
                });
        assertThat(StageMachine.allowedFrom(from)).doesNotContain(to);
    }

    @Test
    void theRefusedMovesAreExactlyTheOnesNotInThePipeline() {
        assertThat(allowedMoves().count() + refusedMoves().count()).isEqualTo(64);
        assertThat(refusedMoves().count()).isEqualTo(51);
    }

    @Test
    void wonAndLostAreFinal() {
        assertThat(StageMachine.allowedFrom(WON)).isEmpty();
        assertThat(StageMachine.allowedFrom(LOST)).isEmpty();
    }

    @Test
    void everyOpenStageCanBeLost() {
        for (PipelineStage open : EnumSet.of(NEW, QUALIFIED, CONTACTED, PROPOSAL, NEGOTIATION)) {
            assertThat(StageMachine.allowedFrom(open)).as(open.name()).contains(LOST);
        }
        assertThat(StageMachine.OPEN).containsExactlyInAnyOrder(NEW, QUALIFIED, CONTACTED, PROPOSAL, NEGOTIATION);
    }

    @Test
    void winningNeedsAnAmount() {
        assertThatThrownBy(() -> StageMachine.check(NEGOTIATION, new Move(WON, null, null, null, null, "ada")))
                .isInstanceOfSatisfying(InvalidMoveException.class, e -> assertThat(e.field()).isEqualTo("amount"));
    }

    @Test
    void winningNeedsAnAmountAboveZero() {
        for (String amount : List.of("0", "0.00", "-5")) {
            assertThatThrownBy(() -> StageMachine.check(NEGOTIATION,
                    new Move(WON, new BigDecimal(amount), null, null, null, "ada")))
                    .as(amount)
                    .isInstanceOfSatisfying(InvalidMoveException.class, e -> {
                        assertThat(e.field()).isEqualTo("amount");
                        assertThat(e.getMessage()).contains("greater than 0");
                    });
        }
    }

    @Test
    void losingNeedsAReason() {
        assertThatThrownBy(() -> StageMachine.check(PROPOSAL, new Move(LOST, null, null, null, "gone quiet", "ada")))
                .isInstanceOfSatisfying(InvalidMoveException.class, e -> assertThat(e.field()).isEqualTo("reason"));
    }

    @Test
    void anAmountOrReasonOnAnyOtherMoveIsRefused() {
        assertThatThrownBy(() -> StageMachine.check(QUALIFIED, new Move(CONTACTED, BigDecimal.TEN, null, null, null, "ada")))
                .isInstanceOfSatisfying(InvalidMoveException.class, e -> assertThat(e.field()).isEqualTo("amount"));
        assertThatThrownBy(() -> StageMachine.check(QUALIFIED, new Move(CONTACTED, null, null, LossReason.PRICE, null, "ada")))
                .isInstanceOfSatisfying(InvalidMoveException.class, e -> assertThat(e.field()).isEqualTo("reason"));
    }

    @Test
    void aBadBodyIsReportedBeforeTheIllegalMove() {
        // WON from QUALIFIED is illegal, but the missing amount is what the caller must fix first
        assertThatThrownBy(() -> StageMachine.check(QUALIFIED, new Move(WON, null, null, null, null, "ada")))
                .isInstanceOf(InvalidMoveException.class);
    }
}
