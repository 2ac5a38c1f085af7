package dev.funnel.sales;

import dev.funnel.sales.UnnestInsert.Column;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;

/**
 * Writes the moves and touches of leads' histories: all of a transaction's entries in one statement just
 * before it commits (see {@link BeforeCommit}). Their ids come from {@link HistoryEntry}'s own generator, in
 * the blocks it draws, so entries Hibernate persists elsewhere (a referral) never collide with these.
 */
@ApplicationScoped
public class LeadHistory {

    /** Key of the transaction's new entries. */
    private static final Object STAGED = new Object();

    /** Every column of {@link HistoryEntry}: a column added there goes here too, or its value is lost. */
    private static final UnnestInsert<HistoryEntry> INSERT = new UnnestInsert<>("lead_history", List.of(
            new Column<>("id", "int8", entry -> entry.id),
            new Column<>("lead_id", "uuid", entry -> entry.leadId),
            new Column<>("kind", "varchar", entry -> entry.kind.name()),
            new Column<>("from_stage", "varchar", entry -> NewLeads.name(entry.fromStage)),
            new Column<>("to_stage", "varchar", entry -> NewLeads.name(entry.toStage)),
            new Column<>("moved_by", "varchar", entry -> entry.by),
            new Column<>("note", "varchar", entry -> entry.note),
            new Column<>("amount", "numeric", entry -> NewLeads.decimal(entry.amount)),
            new Column<>("currency", "varchar", entry -> entry.currency),
            new Column<>("loss_reason", "varchar", entry -> NewLeads.name(entry.lossReason)),
            new Column<>("channel", "varchar", entry -> NewLeads.name(entry.channel)),
            new Column<>("campaign_id", "uuid", entry -> entry.campaignId),
            new Column<>("referred_lead_id", "uuid", entry -> entry.referredLeadId),
            new Column<>("occurred_at", "timestamptz", entry -> NewLeads.text(entry.occurredAt))));

    @Inject
    EntityManager em;

    @Inject
    BeforeCommit beforeCommit;

    /** Adds the entry to its lead's history when this transaction commits; outside one, this throws. */
    public void add(HistoryEntry entry) {
        SharedSessionContractImplementor session = em.unwrap(SharedSessionContractImplementor.class);
        BeforeExecutionGenerator ids = (BeforeExecutionGenerator) session.getFactory().getMappingMetamodel()
                .getEntityDescriptor(HistoryEntry.class).getGenerator();
        entry.id = (Long) ids.generate(session, entry, null, EventType.INSERT);
        staged().add(entry);
    }

    /**
     * Removes the notes of the lead's history, stored or still to be written in this transaction: reps'
     * notes may name the person.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void eraseNotes(UUID leadId) {
        HistoryEntry.update("note = null WHERE leadId = ?1", leadId);
        staged().stream().filter(entry -> entry.leadId.equals(leadId)).forEach(entry -> entry.note = null);
    }

    private List<HistoryEntry> staged() {
        return beforeCommit.staged(STAGED, "lead history", INSERT::insert, committed -> { });
    }
}
