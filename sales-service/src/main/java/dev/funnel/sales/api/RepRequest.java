package dev.funnel.sales.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/reps}; a new rep is active unless told otherwise. */
public record RepRequest(@NotBlank @Size(max = 200) String name, @Email @Size(max = 254) String email, Boolean active) {
}
