package dev.funnel.simulator;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sales-service's default scoring rules (its V2 migration), restated here to check that the simulated
 * people are a believable mix for them; the simulator itself never scores, sales does.
 */
final class DefaultScoring {

    static final int THRESHOLD = 50;

    private static final Map<String, Integer> SENIORITY = Map.ofEntries(Map.entry("chief", 25), Map.entry("ceo", 25),
            Map.entry("cto", 25), Map.entry("cfo", 25), Map.entry("founder", 25), Map.entry("president", 25),
            Map.entry("vp", 20), Map.entry("vice president", 20), Map.entry("head", 20), Map.entry("director", 15),
            Map.entry("manager", 10));
    private static final Map<String, Integer> TIMELINE = Map.of("NOW", 20, "QUARTER", 15, "YEAR", 5, "UNKNOWN", 0);
    private static final Map<String, Integer> CHANNEL = Map.of("REFERRAL", 15, "EVENT", 10, "SEARCH", 10, "CONTENT", 5,
            "EMAIL", 5);

    private DefaultScoring() {
    }

    static int score(Person person, String channel) {
        int score = 0;
        if (person.jobTitle() != null) {
            List<String> words = List.of(person.jobTitle().toLowerCase(Locale.ROOT).split("\\W+"));
            score += SENIORITY.entrySet().stream().filter(k -> words.contains(k.getKey()))
                    .mapToInt(Map.Entry::getValue).max().orElse(0);
        }
        if (person.companySize() != null) {
            int size = person.companySize();
            score += size >= 1000 ? 20 : size >= 200 ? 15 : size >= 50 ? 10 : size >= 10 ? 5 : 0;
        }
        if (person.budget() != null) {
            double budget = person.budget().doubleValue();
            score += budget >= 100_000 ? 25 : budget >= 50_000 ? 20 : budget >= 10_000 ? 10 : budget >= 1_000 ? 5 : 0;
        }
        if (person.timeline() != null) {
            score += TIMELINE.get(person.timeline());
        }
        return score + CHANNEL.getOrDefault(channel, 0);
    }
}
