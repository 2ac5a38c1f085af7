package dev.funnel.marketing.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.funnel.contracts.lead.Timeline;
import dev.funnel.contracts.lead.Utm;
import dev.funnel.marketing.NewLead;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/** The body of {@code POST /api/leads}; limits match the {@code LeadGenerated} schema in contracts. */
public record LeadRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @Size(max = 100) String firstName,
        @Size(max = 100) String lastName,
        @Size(max = 200) String company,
        @Size(max = 150) String jobTitle,
        @Size(max = 40) @Pattern(regexp = "[0-9+()\\-. ]*", message = "may contain digits, spaces and + ( ) - . only") String phone,
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO-3166 alpha-2 code such as US") String country,
        @Min(1) Integer companySize,
        @DecimalMin("0") @Digits(integer = 17, fraction = 2) BigDecimal budget,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code such as USD") String currency,
        Timeline timeline,
        UUID campaignId,
        @Valid UtmParameters utm,
        Consent consent,
        // a value may not be null: the LeadGenerated event copies the map, and an attribute without a value says nothing
        @Size(max = 50) Map<@NotBlank @Size(max = 100) String, @NotNull @Size(max = 1000) String> attributes,
        UUID referredBy) {

    public LeadRequest {
        // forms send stray spaces; the address is checked as it will be stored
        email = email == null ? null : email.strip();
    }

    /** UTM parameters of the link the lead followed. */
    public record UtmParameters(
            @Size(max = 200) String source,
            @Size(max = 200) String medium,
            @Size(max = 200) String campaign,
            @Size(max = 200) String term,
            @Size(max = 200) String content) {

        @JsonIgnore // a check, not a field
        boolean isEmpty() {
            return source == null && medium == null && campaign == null && term == null && content == null;
        }
    }

    /** What the lead agreed to. */
    public record Consent(Boolean marketing) {
    }

    NewLead toNewLead(String defaultCurrency) {
        Utm utmOrNull = utm == null || utm.isEmpty() ? null
                : new Utm(utm.source(), utm.medium(), utm.campaign(), utm.term(), utm.content());
        return new NewLead(email, firstName, lastName, company, jobTitle, phone, country, companySize, budget,
                currency == null ? defaultCurrency : currency, timeline, campaignId, utmOrNull,
                consent == null ? null : consent.marketing(), attributes, referredBy);
    }
}
