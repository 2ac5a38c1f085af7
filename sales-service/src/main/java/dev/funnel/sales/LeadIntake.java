package dev.funnel.sales;

import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.lead.LeadEngaged;
import dev.funnel.contracts.lead.LeadErased;
import dev.funnel.contracts.lead.LeadEvent;
import dev.funnel.contracts.lead.LeadGenerated;
import dev.funnel.sales.messaging.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Takes marketing's lead events into the pipeline, exactly once in effect: the event id goes into the
 * inbox in the same transaction as the change, so a redelivery is recognised and skipped.
 */
@ApplicationScoped
public class LeadIntake {

    private static final Logger LOG = Logger.getLogger(LeadIntake.class);

    @Inject
    Inbox inbox;

    @Inject
    Clock clock;

    @Transactional
    public void take(CloudEvent envelope, LeadEvent event) {
        if (!inbox.firstDelivery(envelope.id())) {
            LOG.debugf("event %s already applied, skipped", envelope.id());
            return;
        }
        switch (event) {
            case LeadGenerated generated -> {
                if (Lead.findById(generated.leadId()) == null) {
                    Lead.from(generated, clock.instant()).persist();
                }
            }
            case LeadEngaged engaged -> Lead.<Lead>findByIdOptional(engaged.leadId())
                    .ifPresent(lead -> lead.touches++);
            case LeadErased erased -> Lead.<Lead>findByIdOptional(erased.leadId())
                    .ifPresent(lead -> lead.erase(erased.erasedAt()));
        }
    }
}
