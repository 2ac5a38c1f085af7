package dev.funnel.marketing.api;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The body of {@code POST /api/campaigns/{id}/spend}. */
public record SpendRequest(
        @NotNull @DecimalMin("0") @Digits(integer = 17, fraction = 2) BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code such as USD") String currency,
        @NotNull @PlausibleTime LocalDate spentOn) {
}
