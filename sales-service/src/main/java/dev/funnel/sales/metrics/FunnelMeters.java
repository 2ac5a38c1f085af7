package dev.funnel.sales.metrics;

import dev.funnel.contracts.pipeline.DealLost;
import dev.funnel.contracts.pipeline.DealWon;
import dev.funnel.contracts.pipeline.FollowUpCompleted;
import dev.funnel.contracts.pipeline.FollowUpKind;
import dev.funnel.contracts.pipeline.LeadDisqualified;
import dev.funnel.contracts.pipeline.LeadQualified;
import dev.funnel.contracts.pipeline.LossReason;
import dev.funnel.contracts.pipeline.PipelineStage;
import dev.funnel.contracts.pipeline.StageChanged;
import dev.funnel.sales.Move;
import dev.funnel.sales.config.SalesConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Sales' part of the funnel as Prometheus counters: leads qualified and disqualified (by the scoring rules or a
 * rep), every move between stages, deals won and lost, won revenue in the deployment's currency, follow-ups done.
 * Counted from the pipeline events a transaction committed ({@link #committed}): a poll applied again after a
 * failed batch, or a move that lost a race, is never counted twice.
 */
@ApplicationScoped
public class FunnelMeters {

    private static final String SCORING = "scoring";
    private static final String REP = "rep";

    private final MeterRegistry registry;

    @Inject
    FunnelMeters(MeterRegistry registry, SalesConfig config) {
        this.registry = registry;
        // the series a dashboard reads from the start, at 0, so a rate over them is never missing
        for (String decidedBy : new String[] {SCORING, REP}) {
            qualified(decidedBy);
            disqualified(decidedBy);
        }
        won();
        revenue(config.currency());
        for (LossReason reason : LossReason.values()) {
            lost(reason);
        }
        for (FollowUpKind kind : FollowUpKind.values()) {
            followUps(kind);
        }
    }

    /** Counts one event of a committed transaction. */
    public void committed(Object event) {
        switch (event) {
            case LeadQualified qualified -> {
                qualified(decidedBy(qualified.by())).increment();
                moved(qualified.fromStage(), PipelineStage.QUALIFIED);
            }
            case LeadDisqualified disqualified -> {
                disqualified(decidedBy(disqualified.by())).increment();
                moved(disqualified.fromStage(), PipelineStage.DISQUALIFIED);
            }
            case StageChanged changed -> moved(changed.fromStage(), changed.toStage());
            case DealWon deal -> {
                won().increment();
                revenue(deal.currency()).increment(deal.amount().doubleValue());
                moved(deal.fromStage(), PipelineStage.WON);
            }
            case DealLost deal -> {
                lost(deal.reason()).increment();
                moved(deal.fromStage(), PipelineStage.LOST);
            }
            case FollowUpCompleted done -> followUps(done.kind()).increment();
            default -> {
                // sales announces nothing else
            }
        }
    }

    /** Who decided, in two values: the rules, or a rep by name, which would make a label per person. */
    private static String decidedBy(String by) {
        return Move.SCORING.equals(by) ? SCORING : REP;
    }

    private void moved(PipelineStage from, PipelineStage to) {
        Counter.builder("funnel.stage.moves")
                .description("Moves of leads between pipeline stages")
                .tag("from", from.name())
                .tag("to", to.name())
                .register(registry)
                .increment();
    }

    private Counter qualified(String decidedBy) {
        return Counter.builder("funnel.leads.qualified")
                .description("Leads moved to QUALIFIED, by the scoring rules or by a rep")
                .tag("decided_by", decidedBy)
                .register(registry);
    }

    private Counter disqualified(String decidedBy) {
        return Counter.builder("funnel.leads.disqualified")
                .description("Leads moved to DISQUALIFIED, by the scoring rules or by a rep")
                .tag("decided_by", decidedBy)
                .register(registry);
    }

    private Counter won() {
        return Counter.builder("funnel.deals.won").description("Deals won").register(registry);
    }

    private Counter revenue(String currency) {
        return Counter.builder("funnel.won.revenue")
                .description("Amounts of the deals won, in the deployment's currency")
                .tag("currency", currency)
                .register(registry);
    }

    private Counter lost(LossReason reason) {
        return Counter.builder("funnel.deals.lost")
                .description("Deals lost, by reason")
                .tag("reason", reason.name())
                .register(registry);
    }

    private Counter followUps(FollowUpKind kind) {
        return Counter.builder("funnel.follow.ups.completed")
                .description("Follow-ups done, by kind")
                .tag("kind", kind.name())
                .register(registry);
    }
}
