package dev.funnel.sales;

import java.util.List;

/**
 * A lead's score and where it came from.
 *
 * @param total     the sum of the breakdown's points
 * @param threshold the threshold of the rules that scored it
 * @param breakdown one line per rule: which rule gave how many points, and why
 */
public record Score(int total, int threshold, List<Line> breakdown) {

    public Score {
        breakdown = List.copyOf(breakdown);
    }

    /** A score ties to "at least": reaching the threshold exactly qualifies. */
    public boolean qualifies() {
        return total >= threshold;
    }

    /**
     * What one rule gave.
     *
     * @param rule   the rule's name as in the scoring rules ({@code seniority}, {@code budget}, ...)
     * @param points the points it gave, 0 when nothing matched
     * @param reason what matched, e.g. {@code job title contains "director"}
     */
    public record Line(String rule, int points, String reason) {
    }
}
