package dev.funnel.analytics.messaging;

import dev.funnel.analytics.LeadFact;
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

/** Turns one event of {@code marketing.leads} into lead facts and touches, once per event id. */
@ApplicationScoped
public class LeadEventHandler {

    private static final Logger LOG = Logger.getLogger(LeadEventHandler.class);

    @Inject
    Inbox inbox;

    /** The payload records check their required fields when decoded, so every field used here is present. */
    @Transactional
    public void handle(CloudEvent event, LeadEvent payload) {
        if (!inbox.firstDelivery(event.id())) {
            LOG.debugf("event %s was processed before, skipped", event.id());
            return;
        }
        switch (payload) {
            case LeadGenerated generated -> LeadFact.recordCreated(
                    generated.leadId(), generated.campaignId(), generated.channel(), generated.createdAt());
            case LeadEngaged engaged -> Touch.of(event.id(),
                    engaged.leadId(), engaged.campaignId(), engaged.channel(), engaged.occurredAt()).persist();
            // Nothing personal is stored here, so there is nothing to remove: only the fact is kept.
            case LeadErased erased -> LeadFact.recordErased(erased.leadId(), erased.erasedAt());
        }
    }
}
