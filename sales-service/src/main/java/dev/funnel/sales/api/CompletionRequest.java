package dev.funnel.sales.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/follow-ups/{id}/complete}: what came of it. */
public record CompletionRequest(
        @NotBlank @Size(max = 2000) String outcome,
        @Size(max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String by) {
}
