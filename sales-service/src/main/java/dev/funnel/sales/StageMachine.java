package dev.funnel.sales;

import static dev.funnel.contracts.pipeline.PipelineStage.CONTACTED;
import static dev.funnel.contracts.pipeline.PipelineStage.DISQUALIFIED;
import static dev.funnel.contracts.pipeline.PipelineStage.LOST;
import static dev.funnel.contracts.pipeline.PipelineStage.NEGOTIATION;
import static dev.funnel.contracts.pipeline.PipelineStage.NEW;
import static dev.funnel.contracts.pipeline.PipelineStage.PROPOSAL;
import static dev.funnel.contracts.pipeline.PipelineStage.QUALIFIED;
import static dev.funnel.contracts.pipeline.PipelineStage.WON;

import dev.funnel.contracts.pipeline.PipelineStage;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pipeline's stage machine, the one place that says which moves exist: {@code NEW} to
 * {@code QUALIFIED} or {@code DISQUALIFIED} (a rep may override either way later), then
 * {@code CONTACTED → PROPOSAL → NEGOTIATION → WON}, and {@code LOST} from any open stage.
 * {@code WON} needs an amount above zero, {@code LOST} a reason.
 */
public final class StageMachine {

    private static final Map<PipelineStage, List<PipelineStage>> ALLOWED = new EnumMap<>(PipelineStage.class);

    static {
        ALLOWED.put(NEW, List.of(QUALIFIED, DISQUALIFIED, LOST));
        ALLOWED.put(QUALIFIED, List.of(CONTACTED, DISQUALIFIED, LOST));
        ALLOWED.put(DISQUALIFIED, List.of(QUALIFIED));
        ALLOWED.put(CONTACTED, List.of(PROPOSAL, LOST));
        ALLOWED.put(PROPOSAL, List.of(NEGOTIATION, LOST));
        ALLOWED.put(NEGOTIATION, List.of(WON, LOST));
        ALLOWED.put(WON, List.of());
        ALLOWED.put(LOST, List.of());
    }

    /** Stages a deal is still being worked in; a lead leaves the pipeline from them as {@code LOST}. */
    public static final Set<PipelineStage> OPEN = Set.of(NEW, QUALIFIED, CONTACTED, PROPOSAL, NEGOTIATION);

    private StageMachine() {
    }

    /** The stages a lead at {@code from} may move to, in pipeline order. */
    public static List<PipelineStage> allowedFrom(PipelineStage from) {
        return ALLOWED.get(from);
    }

    /**
     * Checks a move: first that it carries what its target stage needs, then that it is allowed from here.
     *
     * @throws InvalidMoveException naming the field when the move lacks or wrongly carries an amount or reason
     * @throws IllegalMoveException when the pipeline has no such move from {@code from}
     */
    public static void check(PipelineStage from, Move move) {
        if (move.to() == WON) {
            if (move.amount() == null) {
                throw new InvalidMoveException("amount", "is required to move a lead to WON");
            }
            if (move.amount().compareTo(BigDecimal.ZERO) <= 0) {
                throw new InvalidMoveException("amount", "must be greater than 0");
            }
        } else if (move.amount() != null) {
            throw new InvalidMoveException("amount", "is only given when moving a lead to WON");
        }
        if (move.to() == LOST) {
            if (move.reason() == null) {
                throw new InvalidMoveException("reason", "is required to move a lead to LOST");
            }
        } else if (move.reason() != null) {
            throw new InvalidMoveException("reason", "is only given when moving a lead to LOST");
        }
        if (!allowedFrom(from).contains(move.to())) {
            throw new IllegalMoveException(from, move.to(), allowedFrom(from));
        }
    }
}
