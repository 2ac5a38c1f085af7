package dev.funnel.sales.api;

import dev.funnel.contracts.pipeline.LossReason;
import dev.funnel.contracts.pipeline.PipelineStage;
import dev.funnel.sales.Move;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * The body of {@code POST /api/leads/{id}/transitions}; limits match the pipeline event schemas.
 * What each target stage needs (an amount for WON, a reason for LOST) is the stage machine's to check.
 */
public record TransitionRequest(
        @NotNull PipelineStage to,
        @Digits(integer = 17, fraction = 2) BigDecimal amount,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code such as USD") String currency,
        LossReason reason,
        @Size(max = 2000) String note,
        @Size(max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String by) {

    Move toMove() {
        return new Move(to, amount, currency, reason, note, by == null ? Move.DEFAULT_ACTOR : by.strip());
    }
}
