package dev.funnel.sales;

import dev.funnel.contracts.Channel;
import dev.funnel.contracts.lead.Timeline;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Scores a lead by the rules: every rule gives its points, the breakdown keeps which gave how many. */
public final class Scoring {

    private Scoring() {
    }

    public static Score score(ScoringRules rules, LeadProfile lead) {
        List<Score.Line> lines = new ArrayList<>();
        lines.add(seniority(rules, lead.jobTitle()));
        lines.add(band("companySize", rules.companySize(),
                lead.companySize() == null ? null : BigDecimal.valueOf(lead.companySize()), "employees"));
        lines.add(band("budget", rules.budget(), lead.budget(), "budget"));
        lines.add(timeline(rules, lead.timeline()));
        lines.add(channel(rules, lead.channel()));
        lines.add(engagement(rules.engagement(), lead.touches()));
        int total = lines.stream().mapToInt(Score.Line::points).sum();
        return new Score(total, rules.threshold(), lines);
    }

    private static Score.Line seniority(ScoringRules rules, String jobTitle) {
        if (jobTitle == null || jobTitle.isBlank()) {
            return new Score.Line("seniority", 0, "no job title");
        }
        String title = jobTitle.toLowerCase(Locale.ROOT);
        // the most specific (longest) keyword counts, so "Vice President" is not scored as "president";
        // between equally long ones the higher points
        Optional<ScoringRules.Keyword> best = rules.seniority().stream()
                .filter(k -> k.keyword() != null && containsWord(title, k.keyword().toLowerCase(Locale.ROOT)))
                .max(Comparator.<ScoringRules.Keyword>comparingInt(k -> k.keyword().length())
                        .thenComparingInt(ScoringRules.Keyword::points));
        return best.map(k -> new Score.Line("seniority", k.points(), "job title contains \"" + k.keyword() + "\""))
                .orElseGet(() -> new Score.Line("seniority", 0, "no keyword in job title"));
    }

    /** Whole words only: "cto" must not match "director". */
    private static boolean containsWord(String text, String word) {
        int from = 0;
        while (true) {
            int at = text.indexOf(word, from);
            if (at < 0) {
                return false;
            }
            int end = at + word.length();
            boolean startsWord = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            boolean endsWord = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startsWord && endsWord) {
                return true;
            }
            from = at + 1;
        }
    }

    private static Score.Line band(String rule, List<ScoringRules.Band> bands, BigDecimal value, String what) {
        if (value == null) {
            return new Score.Line(rule, 0, "no " + what + " given");
        }
        Optional<ScoringRules.Band> reached = bands.stream()
                .filter(b -> b.atLeast() != null && value.compareTo(b.atLeast()) >= 0)
                .max((a, b) -> a.atLeast().compareTo(b.atLeast()));
        return reached.map(b -> new Score.Line(rule, b.points(), what + " at least " + b.atLeast().toPlainString()))
                .orElseGet(() -> new Score.Line(rule, 0, what + " below every band"));
    }

    private static Score.Line timeline(ScoringRules rules, Timeline timeline) {
        if (timeline == null) {
            return new Score.Line("timeline", 0, "no timeline given");
        }
        return new Score.Line("timeline", rules.timeline().getOrDefault(timeline, 0), "timeline " + timeline);
    }

    private static Score.Line channel(ScoringRules rules, Channel channel) {
        if (channel == null) {
            return new Score.Line("channel", 0, "no channel");
        }
        return new Score.Line("channel", rules.channel().getOrDefault(channel, 0), "channel " + channel);
    }

    private static Score.Line engagement(ScoringRules.Engagement engagement, int touches) {
        int again = Math.max(0, touches - 1);
        int points = Math.min(again * engagement.pointsPerTouch(), engagement.maxPoints());
        return new Score.Line("engagement", points, again + (again == 1 ? " touch" : " touches") + " after the first");
    }
}
