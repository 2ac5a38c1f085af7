package dev.funnel.sales.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code PATCH /api/reps/{id}}: absent fields stay as they are. */
public record RepPatch(
        @Size(max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        Boolean active) {
}
