package dev.funnel.marketing;

import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.lead.LeadErased;
import dev.funnel.marketing.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Erases a lead's personal data at the person's request, for good, and tells every other service to
 * do the same ({@code LeadErased}). The anonymous facts (campaign, channel, times, company size,
 * country, budget) stay, so the funnel's figures do not change.
 */
@ApplicationScoped
public class LeadErasure {

    /** What an erasure request came to. */
    public enum Outcome {
        ERASED, ALREADY_ERASED, UNKNOWN_LEAD
    }

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional
    public Outcome erase(UUID leadId) {
        Optional<Lead> found = Lead.find("id", leadId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        if (found.isEmpty()) {
            return Outcome.UNKNOWN_LEAD;
        }
        Lead lead = found.get();
        if (lead.erasedAt != null) {
            return Outcome.ALREADY_ERASED; // the first erasure already told everyone
        }
        Instant now = clock.instant();
        lead.erasePersonalData(now);
        outbox.append(EventTypes.LEAD_ERASED, lead.id, new LeadErased(lead.id, now), now);
        return Outcome.ERASED;
    }
}
