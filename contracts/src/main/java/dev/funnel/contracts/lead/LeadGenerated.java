package dev.funnel.contracts.lead;

import dev.funnel.contracts.Required;
import dev.funnel.contracts.Channel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A new lead was captured: a person, normalised email first, and where they came from.
 *
 * @param leadId           the lead's id
 * @param email            trimmed and lower-cased; unique per deployment
 * @param companySize      number of employees, if given
 * @param budget           what the lead says they can spend, in {@code currency}
 * @param currency         ISO-4217 code of {@code budget}; present when {@code budget} is
 * @param campaignId       the campaign named directly or resolved from {@code utm.campaign}; absent when unknown
 * @param channel          the campaign's channel, {@code OTHER} when no campaign is known
 * @param utm              the UTM parameters as posted
 * @param marketingConsent whether the lead agreed to marketing messages
 * @param attributes       free-form string attributes from the capturing system
 * @param referredBy       the lead that referred this one, for referrals
 * @param createdAt        when the lead was captured
 */
public record LeadGenerated(
        UUID leadId,
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
        Instant createdAt) implements LeadEvent {

    public LeadGenerated {
        Required.check(leadId, "leadId");
        Required.check(email, "email");
        Required.check(channel, "channel");
        Required.check(createdAt, "createdAt");
        attributes = attributes == null ? null : Map.copyOf(attributes);
    }
}
