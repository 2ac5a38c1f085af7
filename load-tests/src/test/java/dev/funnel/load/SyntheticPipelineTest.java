package dev.funnel.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.contracts.EventCodec;
import dev.funnel.contracts.lead.LeadGenerated;
import dev.funnel.contracts.pipeline.DealLost;
import dev.funnel.contracts.pipeline.DealWon;
import dev.funnel.contracts.pipeline.LeadDisqualified;
import dev.funnel.contracts.pipeline.LeadQualified;
import dev.funnel.contracts.pipeline.PipelineStage;
import dev.funnel.contracts.pipeline.StageChanged;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SyntheticPipelineTest {

    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");
    private final SyntheticLeads leads = new SyntheticLeads("pipeline");
    private final SyntheticPipeline pipeline = new SyntheticPipeline();

    @Test
    void everyLeadIsScoredFirstAndEachMoveStartsWhereTheLastEnded() {
        for (int i = 0; i < 5_000; i++) {
            LeadGenerated lead = leads.lead(i, AT);
            List<SyntheticPipeline.Move> moves = pipeline.moves(i, lead);
            PipelineStage stage = PipelineStage.NEW;
            Instant last = lead.createdAt();
            for (SyntheticPipeline.Move move : moves) {
                assertThat(move.event().leadId()).isEqualTo(lead.leadId());
                assertThat(move.at()).isAfter(last);
                assertThat(move.type().payload()).isEqualTo(move.event().getClass());
                last = move.at();
                stage = switch (move.event()) {
                    case LeadQualified q -> from(q.fromStage(), stage, PipelineStage.QUALIFIED);
                    case LeadDisqualified d -> from(d.fromStage(), stage, PipelineStage.DISQUALIFIED);
                    case StageChanged c -> from(c.fromStage(), stage, c.toStage());
                    case DealWon w -> from(w.fromStage(), stage, PipelineStage.WON);
                    case DealLost l -> from(l.fromStage(), stage, PipelineStage.LOST);
                    default -> throw new AssertionError("not a move: " + move.event());
                };
            }
            assertThat(moves.getFirst().event()).isInstanceOfAny(LeadQualified.class, LeadDisqualified.class);
        }
    }

    @Test
    void theMixHoldsWinsLossesAndOpenLeadsAndSurvivesTheCodec() {
        List<SyntheticPipeline.Move> moves = IntStream.range(0, 10_000)
                .mapToObj(i -> pipeline.moves(i, leads.lead(i, AT))).flatMap(List::stream).toList();

        assertThat(moves.stream().filter(m -> m.event() instanceof DealWon)).hasSizeGreaterThan(200);
        assertThat(moves.stream().filter(m -> m.event() instanceof DealLost)).hasSizeGreaterThan(500);
        assertThat(moves.stream().filter(m -> m.event() instanceof LeadQualified)).hasSizeBetween(3_000, 4_000);
        assertThat(moves).hasSizeBetween(15_000, 20_000);
        SyntheticPipeline.Move won = moves.stream().filter(m -> m.event() instanceof DealWon).findFirst().orElseThrow();
        assertThat(EventCodec.read(EventCodec.write(won.event()), won.type())).isEqualTo(won.event());
    }

    @Test
    void oneLeadsMovesAreRepeatable() {
        LeadGenerated lead = leads.lead(42, AT);
        assertThat(pipeline.moves(42, lead)).isEqualTo(pipeline.moves(42, lead));
    }

    private static PipelineStage from(PipelineStage said, PipelineStage actual, PipelineStage to) {
        assertThat(said).isEqualTo(actual);
        return to;
    }
}
