package dev.funnel.marketing.api;

import dev.funnel.contracts.Channel;
import dev.funnel.marketing.Campaigns;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The body of {@code POST /api/campaigns}. */
public record CampaignRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull Channel channel,
        @NotNull @DecimalMin("0") @Digits(integer = 17, fraction = 2) BigDecimal budget,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code such as USD") String currency,
        @NotNull @PlausibleTime LocalDate startsOn,
        @PlausibleTime LocalDate endsOn) {

    Campaigns.NewCampaign toNewCampaign() {
        return new Campaigns.NewCampaign(name, channel, budget, currency, startsOn, endsOn);
    }
}
