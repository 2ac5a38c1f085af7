package dev.funnel.contracts.lead;

import java.time.Instant;
import java.util.UUID;

/**
 * The lead's personal data was erased at their request: every service removes what it holds of
 * the person (email, names, phone) and keeps only anonymous facts.
 */
public record LeadErased(UUID leadId, Instant erasedAt) implements LeadEvent {
}
