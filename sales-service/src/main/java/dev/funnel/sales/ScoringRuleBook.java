package dev.funnel.sales;

import dev.funnel.contracts.pipeline.PipelineStage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** The scoring rules a sales manager reads and changes. */
@ApplicationScoped
public class ScoringRuleBook {

    @Inject
    PipelineMoves moves;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** What came of a change: the stored rules and how many waiting leads they scored. */
    public record Changed(ScoringRuleSet ruleSet, int leadsScored) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ScoringRuleSet current() {
        return ScoringRuleSet.current();
    }

    /**
     * Replaces the rules and scores the leads still at {@code NEW} by them; leads already qualified or
     * disqualified keep their stage (a rep may override it).
     *
     * @param expectedVersion the version the manager edited, or null to overwrite whatever is stored
     * @throws ConflictException when the rules changed since {@code expectedVersion}
     */
    @Transactional
    public Changed replace(ScoringRules rules, Long expectedVersion, String by) {
        ScoringRuleSet stored = ScoringRuleSet.current();
        if (expectedVersion != null && expectedVersion != stored.version) {
            throw new ConflictException("The scoring rules are at version " + stored.version + ", not "
                    + expectedVersion + "; read them again and reapply your change.");
        }
        stored.rules = rules;
        stored.updatedAt = clock.instant();
        stored.updatedBy = by;
        em.flush();
        List<Lead> waiting = Lead.list("stage", PipelineStage.NEW);
        waiting.forEach(moves::qualifyByRules);
        em.flush();
        return new Changed(stored, waiting.size());
    }
}
