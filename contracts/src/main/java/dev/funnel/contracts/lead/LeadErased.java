package dev.funnel.contracts.lead;

import dev.funnel.contracts.Required;
import java.time.Instant;
import java.util.UUID;

/**
 * The lead's personal data was erased at their request: every service removes what it holds of
 * the person (email, names, phone) and keeps only anonymous facts.
 */
public record LeadErased(UUID leadId, Instant erasedAt) implements LeadEvent {

    public LeadErased {
        Required.check(leadId, "leadId");
        Required.check(erasedAt, "erasedAt");
    }
}
