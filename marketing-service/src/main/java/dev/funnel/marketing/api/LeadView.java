package dev.funnel.marketing.api;

import dev.funnel.contracts.Channel;
import dev.funnel.contracts.lead.Timeline;
import dev.funnel.contracts.lead.Utm;
import dev.funnel.marketing.Lead;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A lead as {@code GET /api/leads/{id}} shows it; personal fields are absent once erased. */
public record LeadView(
        UUID id,
        String email,
        String firstName,
        String lastName,
        String company,
        String jobTitle,
        String phone,
        String country,
        Integer companySize,
        BigDecimal budget,
        String currency,
        Timeline timeline,
        UUID campaignId,
        Channel channel,
        Utm utm,
        Boolean marketingConsent,
        Map<String, String> attributes,
        UUID referredBy,
        Instant createdAt,
        Instant erasedAt) {

    static LeadView of(Lead lead) {
        return new LeadView(lead.id, lead.email, lead.firstName, lead.lastName, lead.company, lead.jobTitle,
                lead.phone, lead.country, lead.companySize, lead.budget, lead.currency, lead.timeline,
                lead.campaignId, lead.channel, lead.utm(), lead.marketingConsent, lead.attributes, lead.referredBy,
                lead.createdAt, lead.erasedAt);
    }
}
