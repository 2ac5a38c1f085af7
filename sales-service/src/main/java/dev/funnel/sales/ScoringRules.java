package dev.funnel.sales;

import dev.funnel.contracts.Channel;
import dev.funnel.contracts.lead.Timeline;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The rules that score a lead, as a sales manager reads and changes them: points per fact about the
 * lead, and the threshold a score must reach for the lead to be qualified.
 *
 * @param threshold   a score at least this high qualifies the lead
 * @param seniority   points for a job title containing a keyword (whole words, case-insensitive); the longest
 *                    matching keyword counts
 * @param companySize points for at least so many employees; the highest band reached counts
 * @param budget      points for a budget of at least so much; the highest band reached counts
 * @param timeline    points per buying timeline
 * @param channel     points per channel the lead came through
 * @param engagement  points for coming back: each touch after the first, up to a cap
 */
public record ScoringRules(int threshold, List<Keyword> seniority, List<Band> companySize, List<Band> budget,
                           Map<Timeline, Integer> timeline, Map<Channel, Integer> channel, Engagement engagement) {

    public ScoringRules {
        seniority = seniority == null ? List.of() : List.copyOf(seniority);
        companySize = companySize == null ? List.of() : List.copyOf(companySize);
        budget = budget == null ? List.of() : List.copyOf(budget);
        timeline = timeline == null ? Map.of() : Map.copyOf(timeline);
        channel = channel == null ? Map.of() : Map.copyOf(channel);
        engagement = engagement == null ? new Engagement(0, 0) : engagement;
    }

    /** Points for a job title containing {@code keyword}. */
    public record Keyword(String keyword, int points) {
    }

    /** Points for a value of at least {@code atLeast}. */
    public record Band(BigDecimal atLeast, int points) {
    }

    /** Points per touch after the first, never more than {@code maxPoints} in all. */
    public record Engagement(int pointsPerTouch, int maxPoints) {
    }
}
