package dev.funnel.load;

import dev.funnel.contracts.EventType;
import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.lead.LeadGenerated;
import dev.funnel.contracts.pipeline.DealLost;
import dev.funnel.contracts.pipeline.DealWon;
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
import java.util.List;
import java.util.SplittableRandom;

/**
 * The {@code sales.pipeline} events sales would publish for a synthetic lead: scored on arrival (qualified or
 * disqualified), then for some of the qualified each move to contacted, proposal, negotiation, and a deal won
 * or lost — about 1.7 events a lead. Deterministic per lead index, one event per move as the contract says.
 */
final class SyntheticPipeline {

    /** One event with the type and the time its envelope names. */
    record Move(EventType<?> type, PipelineEvent event, Instant at) {
    }

    private static final int THRESHOLD = 50;
    /** The chance to take each next step after qualification: contacted, proposal, negotiation, won. */
    private static final double[] ADVANCE = {0.85, 0.45, 0.60, 0.55};
    private static final PipelineStage[] STAGES = {PipelineStage.QUALIFIED, PipelineStage.CONTACTED,
            PipelineStage.PROPOSAL, PipelineStage.NEGOTIATION};
    private static final LossReason[] REASONS = LossReason.values();

    List<Move> moves(int index, LeadGenerated lead) {
        SplittableRandom random = new SplittableRandom(index * 0x9E3779B97F4A7C15L);
        List<Move> moves = new ArrayList<>();
        Instant at = lead.createdAt().plusMillis(50 + random.nextInt(500));
        String rep = "rep-" + random.nextInt(12);
        if (random.nextDouble() >= 0.35) {
            moves.add(new Move(EventTypes.LEAD_DISQUALIFIED, new LeadDisqualified(lead.leadId(), PipelineStage.NEW,
                    random.nextInt(THRESHOLD), THRESHOLD, "scoring", at), at));
            return moves;
        }
        moves.add(new Move(EventTypes.LEAD_QUALIFIED, new LeadQualified(lead.leadId(), PipelineStage.NEW,
                THRESHOLD + random.nextInt(50), THRESHOLD, null, "scoring", at), at));
        for (int step = 0; step < ADVANCE.length; step++) {
            at = at.plus(Duration.ofSeconds(1 + random.nextInt(60)));
            PipelineStage from = STAGES[step];
            if (random.nextDouble() >= ADVANCE[step]) {
                if (random.nextDouble() < 0.6) {
                    moves.add(new Move(EventTypes.DEAL_LOST, new DealLost(lead.leadId(), from,
                            REASONS[random.nextInt(REASONS.length)], rep, null, at), at));
                }
                return moves;
            }
            if (step == ADVANCE.length - 1) {
                moves.add(new Move(EventTypes.DEAL_WON, new DealWon(lead.leadId(), from,
                        BigDecimal.valueOf(1_000 + random.nextInt(99_000)), "USD", rep, null, at), at));
            } else {
                moves.add(new Move(EventTypes.STAGE_CHANGED, new StageChanged(lead.leadId(), from, STAGES[step + 1],
                        rep, null, at), at));
            }
        }
        return moves;
    }
}
