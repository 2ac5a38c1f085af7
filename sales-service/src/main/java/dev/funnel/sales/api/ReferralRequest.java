package dev.funnel.sales.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/leads/{id}/referrals}: the person a won customer referred. */
public record ReferralRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @Size(max = 100) String firstName,
        @Size(max = 100) String lastName,
        @Size(max = 200) String company,
        @Size(max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String by) {
}
