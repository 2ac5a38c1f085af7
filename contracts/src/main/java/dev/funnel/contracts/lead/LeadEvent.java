package dev.funnel.contracts.lead;

import java.util.UUID;

/**
 * Every event on {@code marketing.leads}. Sealed, so a consumer's {@code switch} over it is checked
 * by the compiler when a new event type is added.
 */
public sealed interface LeadEvent permits LeadGenerated, LeadEngaged, LeadErased {

    /** The lead this event is about; the Kafka key and the CloudEvents subject. */
    UUID leadId();
}
