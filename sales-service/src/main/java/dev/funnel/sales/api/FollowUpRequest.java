package dev.funnel.sales.api;

import dev.funnel.contracts.pipeline.FollowUpKind;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** The body of {@code POST /api/leads/{id}/follow-ups}; the owner is the lead's owner when absent. */
public record FollowUpRequest(
        @NotNull FollowUpKind kind,
        @NotNull @PlausibleTime Instant dueAt,
        UUID ownerId,
        @Size(max = 2000) String note,
        @Size(max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String by) {
}
