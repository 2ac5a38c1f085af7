package dev.funnel.sales;

import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.lead.LeadEngaged;
import dev.funnel.contracts.lead.LeadErased;
import dev.funnel.contracts.lead.LeadEvent;
import dev.funnel.contracts.lead.LeadGenerated;
import dev.funnel.contracts.pipeline.PipelineStage;
import dev.funnel.sales.messaging.Inbox;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Takes marketing's lead events into the pipeline, exactly once in effect: the event id goes into the
 * inbox in the same transaction as the change, so a redelivery is recognised and skipped. A new lead is
 * scored and qualified or disqualified at once; a touch on a known lead may raise its score; an erased
 * lead loses its personal data here too.
 */
@ApplicationScoped
public class LeadIntake {

    private static final Logger LOG = Logger.getLogger(LeadIntake.class);

    /** Key of the transaction's leads loaded ahead: lead id to the lead, or to null when it is not stored. */
    private static final Object AHEAD = new Object();

    @Inject
    Inbox inbox;

    @Inject
    PipelineMoves moves;

    @Inject
    NewLeads newLeads;

    @Inject
    LeadHistory history;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /**
     * One event as it came off the topic: its envelope, its payload, and the trace it is processed in,
     * which the events it causes (a lead qualified) carry on.
     */
    public record Delivery(CloudEvent envelope, LeadEvent event, Context trace) {
    }

    /**
     * Takes a polled batch in one transaction, in the order given (which keeps each lead's events in
     * order): one commit for hundreds of events instead of one each. All or nothing, so a failure leaves
     * the batch to be taken again, or event by event.
     *
     * <p>The poll's event ids are claimed and its leads loaded in one statement each, and what the events
     * change is written once, at commit, in one statement (new rows) or a batch (changed leads) per table:
     * a poll costs a handful of statements, not a few per event. Nothing in between makes Hibernate flush
     * early: the inbox answers from its claims, and the rotation's queries leave the session alone.
     */
    @Transactional
    public void takeAll(List<Delivery> deliveries) {
        inbox.claimAll(deliveries.stream().map(delivery -> delivery.envelope().id()).toList());
        loadAhead(deliveries.stream().map(delivery -> delivery.event().leadId()).distinct().sorted().toList());
        for (Delivery delivery : deliveries) {
            take(delivery);
        }
    }

    /** Loads the leads this transaction's events are about, in one statement; {@link #lead} answers from them. */
    private void loadAhead(List<UUID> leadIds) {
        List<Lead> found = em.unwrap(Session.class).findMultiple(Lead.class, leadIds);
        Map<UUID, Lead> ahead = new HashMap<>();
        for (int i = 0; i < leadIds.size(); i++) {
            ahead.put(leadIds.get(i), found.get(i)); // null: not stored, so a LeadGenerated of it is new
        }
        transactions.putResource(AHEAD, ahead);
    }

    /**
     * The lead: one loaded ahead or taken in by this transaction, else from the session or the database; null if
     * unknown.
     */
    @SuppressWarnings("unchecked")
    private Lead lead(UUID id) {
        Map<UUID, Lead> ahead = (Map<UUID, Lead>) transactions.getResource(AHEAD);
        return ahead != null && ahead.containsKey(id) ? ahead.get(id) : Lead.findById(id);
    }

    /**
     * Keeps a new lead where {@link #lead} finds it, so a later event of the transaction changes this object:
     * the database has no row of it before the commit, and Hibernate does not manage it (see {@link NewLeads}).
     */
    @SuppressWarnings("unchecked")
    private void stored(Lead lead) {
        Map<UUID, Lead> ahead = (Map<UUID, Lead>) transactions.getResource(AHEAD);
        if (ahead == null) {
            ahead = new HashMap<>();
            transactions.putResource(AHEAD, ahead);
        }
        ahead.put(lead.id, lead);
    }

    /** Takes one event under its own trace: a batch's events each cause events of their own trace. */
    @Transactional
    public void take(Delivery delivery) {
        try (Scope traced = delivery.trace().makeCurrent()) {
            take(delivery.envelope(), delivery.event());
        }
    }

    @Transactional
    public void take(CloudEvent envelope, LeadEvent event) {
        if (!inbox.firstDelivery(envelope.id())) {
            LOG.debugf("event %s of lead %s already applied, skipped", envelope.id(), envelope.subject());
            return;
        }
        switch (event) {
            case LeadGenerated generated -> {
                if (lead(generated.leadId()) == null) {
                    Lead lead = Lead.from(generated, clock.instant());
                    history.add(HistoryEntry.touch(lead.id, generated.channel(), generated.campaignId(),
                            generated.createdAt()));
                    moves.qualifyByRules(lead);
                    // inserted just before the commit, as the poll's events left it (its history refers to it
                    // before it is stored: the database checks that at commit)
                    newLeads.add(lead);
                    stored(lead);
                }
            }
            case LeadEngaged engaged -> Optional.ofNullable(lead(engaged.leadId())).ifPresent(lead -> {
                lead.touches++;
                history.add(HistoryEntry.touch(lead.id, engaged.channel(), engaged.campaignId(), engaged.occurredAt()));
                if (lead.stage == PipelineStage.NEW) {
                    moves.qualifyByRules(lead);
                } else {
                    // a touch raises the score a rep sees; the stage stays theirs to change
                    moves.rescore(lead);
                }
            });
            case LeadErased erased -> Optional.ofNullable(lead(erased.leadId())).ifPresent(lead -> {
                lead.erase(erased.erasedAt());
                // reps' notes and outcomes may name the person, so they go too
                history.eraseNotes(lead.id);
                FollowUp.update("note = null, outcome = null WHERE leadId = ?1", lead.id);
            });
        }
    }
}
