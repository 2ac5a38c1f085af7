package dev.funnel.analytics.messaging;

import dev.funnel.analytics.LeadFact;
import dev.funnel.analytics.Rollups;
import dev.funnel.analytics.Touch;
import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.lead.LeadEngaged;
import dev.funnel.contracts.lead.LeadErased;
import dev.funnel.contracts.lead.LeadEvent;
import dev.funnel.contracts.lead.LeadGenerated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/** Turns one event of {@code marketing.leads} into lead facts, touches and rollups, once per event id. */
@ApplicationScoped
public class LeadEventHandler {

    private static final Logger LOG = Logger.getLogger(LeadEventHandler.class);

    @Inject
    Inbox inbox;

    @Inject
    Rollups rollups;

    /**
     * The payload records check their required fields when decoded, so every field used here is present.
     * Returns false for an event applied before, which changes nothing.
     */
    @Transactional
    public boolean handle(CloudEvent event, LeadEvent payload) {
        if (!inbox.firstDelivery(event.id())) {
            LOG.debugf("event %s (subject %s) was processed before, skipped", event.id(), event.subject());
            return false;
        }
        switch (payload) {
            case LeadGenerated generated -> created(generated);
            case LeadEngaged engaged -> Touch.of(event.id(),
                    engaged.leadId(), engaged.campaignId(), engaged.channel(), engaged.occurredAt()).persist();
            // Nothing personal is stored here, so there is nothing to remove: only the fact is kept.
            case LeadErased erased -> LeadFact.lockOrCreate(erased.leadId()).erased(erased.erasedAt());
        }
        return true;
    }

    /**
     * Counts the lead in the hour and day it was created, with whatever of its pipeline arrived before it.
     * A lead already created stays as it is, so a LeadGenerated published again under a new event id changes nothing.
     */
    private void created(LeadGenerated generated) {
        LeadFact lead = LeadFact.lockOrCreate(generated.leadId());
        if (LeadFact.createdHere(generated.leadId())) {
            // the poll stored the row with this creation in it already; it is counted here, once
            rollups.addLead(lead.createdAt, lead.campaignId, lead.channel, lead.counts());
            return;
        }
        if (lead.created()) {
            return;
        }
        lead.created(generated.campaignId(), generated.channel(), generated.createdAt());
        rollups.addLead(lead.createdAt, lead.campaignId, lead.channel, lead.counts());
    }
}
