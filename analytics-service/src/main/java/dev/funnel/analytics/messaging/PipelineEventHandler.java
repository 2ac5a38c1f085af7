package dev.funnel.analytics.messaging;

import dev.funnel.analytics.Funnel;
import dev.funnel.analytics.LeadFact;
import dev.funnel.analytics.Rollups;
import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.pipeline.FollowUpCompleted;
import dev.funnel.contracts.pipeline.PipelineEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Joins one event of {@code sales.pipeline} to its lead, once per event id: the lead's progress, and the
 * change of its figures in the rollups. A lead not created yet keeps its progress until its lead event
 * counts it, so the result is the same in any order.
 */
@ApplicationScoped
public class PipelineEventHandler {

    private static final Logger LOG = Logger.getLogger(PipelineEventHandler.class);

    @Inject
    Inbox inbox;

    @Inject
    Rollups rollups;

    /** Applies the event once; false for an event applied before, which changes nothing. */
    @Transactional
    public boolean handle(CloudEvent event, PipelineEvent payload) {
        if (!inbox.firstDelivery(event.id())) {
            LOG.debugf("event %s (subject %s) was processed before, skipped", event.id(), event.subject());
            return false;
        }
        if (payload instanceof FollowUpCompleted) {
            return true; // not a move: no figure depends on it
        }
        LeadFact lead = LeadFact.lockOrCreate(payload.leadId());
        Funnel.Counts before = lead.counts();
        lead.progressed(lead.progress().after(payload));
        if (lead.created()) {
            rollups.addLead(lead.createdAt, lead.campaignId, lead.channel, lead.counts().minus(before));
        }
        return true;
    }
}
