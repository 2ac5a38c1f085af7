package dev.funnel.marketing;

import dev.funnel.contracts.lead.Timeline;
import dev.funnel.contracts.lead.Utm;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** A lead as posted, already validated; {@link #normalisedEmail()} is the identity of the person. */
public record NewLead(
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
        Utm utm,
        Boolean marketingConsent,
        Map<String, String> attributes,
        UUID referredBy) {

    /** Trimmed and lower-cased: "  Ada@Example.COM " and "ada@example.com" are one person. */
    public static String normaliseEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public String normalisedEmail() {
        return normaliseEmail(email);
    }
}
