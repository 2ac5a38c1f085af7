package dev.funnel.marketing.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.funnel.contracts.campaign.CampaignStatus;
import dev.funnel.marketing.Campaigns;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** The body of {@code PATCH /api/campaigns/{id}}: any of name, budget, status. */
public record CampaignPatch(
        @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        @DecimalMin("0") @Digits(integer = 17, fraction = 2) BigDecimal budget,
        CampaignStatus status) {

    @JsonIgnore // a check, not a field
    boolean isEmpty() {
        return name == null && budget == null && status == null;
    }

    Campaigns.Change toChange() {
        return new Campaigns.Change(name, budget, status);
    }
}
