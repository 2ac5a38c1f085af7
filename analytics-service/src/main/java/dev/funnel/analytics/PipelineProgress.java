package dev.funnel.analytics;

import dev.funnel.contracts.pipeline.DealLost;
import dev.funnel.contracts.pipeline.DealWon;
import dev.funnel.contracts.pipeline.FollowUpCompleted;
import dev.funnel.contracts.pipeline.LeadDisqualified;
import dev.funnel.contracts.pipeline.LeadQualified;
import dev.funnel.contracts.pipeline.PipelineEvent;
import dev.funnel.contracts.pipeline.PipelineStage;
import dev.funnel.contracts.pipeline.StageChanged;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * How far one lead got in the sales pipeline: each stage it ever reached (a stage some event moved it into,
 * whatever came later) and its deal. Applying events only ever adds, so the result does not depend on the
 * order the events arrive in.
 *
 * @param wonAt     when the deal was won, null while it is not
 * @param wonAmount the won deal's amount, null while it is not won
 */
public record PipelineProgress(boolean qualified, boolean contacted, boolean proposal, boolean negotiation,
                               boolean lost, Instant wonAt, BigDecimal wonAmount) {

    public static final PipelineProgress NONE = new PipelineProgress(false, false, false, false, false, null, null);

    /** The progress once this event is counted too. */
    public PipelineProgress after(PipelineEvent event) {
        return switch (event) {
            case LeadQualified q -> reached(PipelineStage.QUALIFIED);
            case StageChanged changed -> reached(changed.toStage());
            case DealWon deal -> won(deal.occurredAt(), deal.amount());
            case DealLost l -> reached(PipelineStage.LOST);
            // leaving the funnel early undoes nothing: the stages reached before still count
            case LeadDisqualified d -> this;
            case FollowUpCompleted f -> this;
        };
    }

    private PipelineProgress reached(PipelineStage stage) {
        return new PipelineProgress(qualified || stage == PipelineStage.QUALIFIED,
                contacted || stage == PipelineStage.CONTACTED,
                proposal || stage == PipelineStage.PROPOSAL,
                negotiation || stage == PipelineStage.NEGOTIATION,
                lost || stage == PipelineStage.LOST, wonAt, wonAmount);
    }

    /** A deal published twice with different figures keeps the later one (the larger on a tie), in any order. */
    private PipelineProgress won(Instant at, BigDecimal amount) {
        boolean replaces = wonAt == null || at.isAfter(wonAt) || (at.equals(wonAt) && amount.compareTo(wonAmount) > 0);
        return replaces ? new PipelineProgress(qualified, contacted, proposal, negotiation, lost, at, amount) : this;
    }

    /** What this lead, created at {@code createdAt}, adds to its funnel. */
    public Funnel.Counts countsOf(Instant createdAt) {
        boolean won = wonAt != null;
        return new Funnel.Counts(0, 0, 0, 1, flag(qualified), flag(contacted), flag(proposal), flag(negotiation),
                flag(won), flag(lost), won ? wonAmount : BigDecimal.ZERO, BigDecimal.ZERO,
                won ? Duration.ofSeconds(Duration.between(createdAt, wonAt).toSeconds()) : Duration.ZERO);
    }

    private static long flag(boolean b) {
        return b ? 1 : 0;
    }
}
