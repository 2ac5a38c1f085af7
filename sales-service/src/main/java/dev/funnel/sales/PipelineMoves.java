package dev.funnel.sales;

import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.pipeline.DealLost;
import dev.funnel.contracts.pipeline.DealWon;
import dev.funnel.contracts.pipeline.FollowUpKind;
import dev.funnel.contracts.pipeline.LeadDisqualified;
import dev.funnel.contracts.pipeline.LeadQualified;
import dev.funnel.contracts.pipeline.PipelineStage;
import dev.funnel.contracts.pipeline.StageChanged;
import dev.funnel.sales.config.SalesConfig;
import dev.funnel.sales.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Moves leads through the pipeline. Every move is checked by the {@link StageMachine}, kept in the lead's
 * history and announced by exactly one event, written to the outbox in the same transaction.
 */
@ApplicationScoped
public class PipelineMoves {

    /** Who schedules the follow-ups the pipeline creates by itself. */
    static final String PIPELINE = "pipeline";

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    Outbox outbox;

    @Inject
    LeadAssignment assignment;

    @Inject
    LeadHistory history;

    @Inject
    SalesConfig config;

    @Inject
    Clock clock;

    /**
     * A rep's move of a lead. Flushed before returning, so a concurrent move of the same lead that committed
     * first makes this one fail here with an optimistic locking conflict.
     *
     * @throws NotFoundException     for an unknown lead
     * @throws InvalidInputException when the move lacks or wrongly carries an amount, currency or reason
     * @throws IllegalMoveException  when the pipeline has no such move from the lead's stage
     */
    @Transactional
    public Lead move(UUID leadId, Move move) {
        Lead lead = Lead.findById(leadId);
        if (lead == null) {
            throw new NotFoundException("No lead with id " + leadId + ".");
        }
        apply(lead, move);
        em.flush();
        return lead;
    }

    /** A new lead scored by the current rules and qualified or disqualified by its score. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void qualifyByRules(Lead lead) {
        Score score = rescore(lead);
        apply(lead, Move.to(score.qualifies() ? PipelineStage.QUALIFIED : PipelineStage.DISQUALIFIED, Move.SCORING));
    }

    /** Scores the lead again by the current rules, keeping its stage. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Score rescore(Lead lead) {
        ScoringRuleSet rules = rulesOfThisTransaction();
        Score score = Scoring.score(rules.rules, lead.profile());
        lead.scored(score, rules.version);
        return score;
    }

    /**
     * The rules, read once per transaction: a poll of leads is scored in one transaction, and reading the row (and
     * its JSON) again for each lead was a tenth of the intake's time.
     * A change of the rules committed meanwhile applies from the next poll on; each lead records the version it
     * was scored by.
     */
    private ScoringRuleSet rulesOfThisTransaction() {
        ScoringRuleSet rules = (ScoringRuleSet) transactions.getResource(ScoringRuleSet.class);
        if (rules == null) {
            rules = ScoringRuleSet.current();
            transactions.putResource(ScoringRuleSet.class, rules);
        }
        return rules;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(Lead lead, Move move) {
        StageMachine.check(lead.stage, move);
        String currency = move.currency() == null ? config.currency() : move.currency();
        if (move.currency() != null && move.to() != PipelineStage.WON) {
            throw new InvalidMoveException("currency", "is only given with an amount, when moving a lead to WON");
        }
        if (!currency.equals(config.currency())) {
            throw new InvalidMoveException("currency", "must be " + config.currency() + ", this deployment's currency");
        }
        PipelineStage from = lead.stage;
        Instant now = clock.instant();
        switch (move.to()) {
            case QUALIFIED -> {
                scoreIfNeverScored(lead);
                if (lead.ownerId == null) {
                    assignment.nextRep().ifPresent(rep -> lead.ownerId = rep.id);
                }
                outbox.append(EventTypes.LEAD_QUALIFIED, lead.id, new LeadQualified(lead.id, from, lead.score,
                        lead.threshold, lead.ownerId, move.by(), now), now);
            }
            case DISQUALIFIED -> {
                scoreIfNeverScored(lead);
                outbox.append(EventTypes.LEAD_DISQUALIFIED, lead.id, new LeadDisqualified(lead.id, from, lead.score,
                        lead.threshold, move.by(), now), now);
            }
            case CONTACTED, PROPOSAL, NEGOTIATION -> outbox.append(EventTypes.STAGE_CHANGED, lead.id,
                    new StageChanged(lead.id, from, move.to(), move.by(), move.note(), now), now);
            case WON -> {
                lead.amount = move.amount();
                lead.amountCurrency = currency;
                outbox.append(EventTypes.DEAL_WON, lead.id,
                        new DealWon(lead.id, from, move.amount(), currency, move.by(), move.note(), now), now);
                // the post-sale check-in: a won customer is looked after, and may refer the next lead
                FollowUp.schedule(lead.id, FollowUpKind.CHECK_IN, lead.ownerId,
                        now.plus(config.followUp().checkInAfter()), "Post-sale check-in", PIPELINE, now).persist();
            }
            case LOST -> {
                lead.lossReason = move.reason();
                outbox.append(EventTypes.DEAL_LOST, lead.id,
                        new DealLost(lead.id, from, move.reason(), move.by(), move.note(), now), now);
            }
            case NEW -> throw new IllegalStateException("the stage machine has no move back to NEW");
        }
        lead.stage = move.to();
        lead.stageChangedAt = now;
        history.add(HistoryEntry.move(lead, from, move, currency, now));
    }

    /** Leads from before scoring existed have no score; a rep qualifying one scores it first. */
    private void scoreIfNeverScored(Lead lead) {
        if (lead.score == null) {
            rescore(lead);
        }
    }
}
