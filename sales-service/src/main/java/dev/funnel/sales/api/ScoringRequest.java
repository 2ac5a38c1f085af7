package dev.funnel.sales.api;

import dev.funnel.contracts.Channel;
import dev.funnel.contracts.lead.Timeline;
import dev.funnel.sales.ScoringRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code PUT /api/scoring}: the whole rule set, as {@code GET /api/scoring} shows it.
 *
 * @param version the version that was read; when given and the rules changed since, the change is refused (409)
 */
public record ScoringRequest(
        Long version,
        @NotNull @Min(0) @Max(10_000) Integer threshold,
        @Size(max = 100) List<@NotNull @Valid KeywordRule> seniority,
        @Size(max = 100) List<@NotNull @Valid BandRule> companySize,
        @Size(max = 100) List<@NotNull @Valid BandRule> budget,
        Map<Timeline, @NotNull @Min(-1000) @Max(1000) Integer> timeline,
        Map<Channel, @NotNull @Min(-1000) @Max(1000) Integer> channel,
        @Valid EngagementRule engagement,
        @Size(max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String by) {

    /** Points for a job title containing the keyword. */
    public record KeywordRule(@NotBlank @Size(max = 100) String keyword, @NotNull @Min(-1000) @Max(1000) Integer points) {
    }

    /** Points for a value of at least {@code atLeast}. */
    public record BandRule(@NotNull @DecimalMin("0") BigDecimal atLeast, @NotNull @Min(-1000) @Max(1000) Integer points) {
    }

    /** Points per touch after the first, up to {@code maxPoints}. */
    public record EngagementRule(@NotNull @Min(0) @Max(1000) Integer pointsPerTouch,
                                 @NotNull @Min(0) @Max(10_000) Integer maxPoints) {
    }

    ScoringRules toRules() {
        return new ScoringRules(threshold,
                seniority == null ? null : seniority.stream()
                        .map(k -> new ScoringRules.Keyword(k.keyword().strip(), k.points())).toList(),
                bands(companySize), bands(budget), timeline, channel,
                engagement == null ? null : new ScoringRules.Engagement(engagement.pointsPerTouch(), engagement.maxPoints()));
    }

    private static List<ScoringRules.Band> bands(List<BandRule> bands) {
        return bands == null ? null : bands.stream().map(b -> new ScoringRules.Band(b.atLeast(), b.points())).toList();
    }
}
