package dev.funnel.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.contracts.Channel;
import dev.funnel.contracts.lead.Timeline;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoringTest {

    private static final ScoringRules RULES = new ScoringRules(50,
            List.of(new ScoringRules.Keyword("director", 15), new ScoringRules.Keyword("president", 25),
                    new ScoringRules.Keyword("vice president", 20), new ScoringRules.Keyword("cto", 25)),
            List.of(new ScoringRules.Band(new BigDecimal("50"), 10), new ScoringRules.Band(new BigDecimal("1000"), 20)),
            List.of(new ScoringRules.Band(new BigDecimal("10000"), 10), new ScoringRules.Band(new BigDecimal("100000"), 25)),
            Map.of(Timeline.NOW, 20, Timeline.YEAR, 5),
            Map.of(Channel.REFERRAL, 15, Channel.EVENT, 10),
            new ScoringRules.Engagement(5, 15));

    private static int points(Score score, String rule) {
        return score.breakdown().stream().filter(l -> l.rule().equals(rule)).findFirst().orElseThrow().points();
    }

    @Test
    void everyRuleGivesItsPointsAndTheBreakdownAddsUpToTheScore() {
        Score score = Scoring.score(RULES, new LeadProfile("Director of Engineering", 1200, new BigDecimal("25000"),
                Timeline.NOW, Channel.EVENT, 2));

        assertThat(score.breakdown()).extracting(Score.Line::rule)
                .containsExactly("seniority", "companySize", "budget", "timeline", "channel", "engagement");
        assertThat(points(score, "seniority")).isEqualTo(15);
        assertThat(points(score, "companySize")).isEqualTo(20);
        assertThat(points(score, "budget")).isEqualTo(10);
        assertThat(points(score, "timeline")).isEqualTo(20);
        assertThat(points(score, "channel")).isEqualTo(10);
        assertThat(points(score, "engagement")).isEqualTo(5);
        assertThat(score.total()).isEqualTo(80);
        assertThat(score.threshold()).isEqualTo(50);
        assertThat(score.breakdown().get(0).reason()).contains("director");
    }

    @Test
    void unknownFactsScoreNothing() {
        Score score = Scoring.score(RULES, new LeadProfile(null, null, null, null, Channel.OTHER, 1));

        assertThat(score.total()).isZero();
        assertThat(score.breakdown()).allSatisfy(line -> assertThat(line.points()).isZero());
        assertThat(score.qualifies()).isFalse();
    }

    @Test
    void theMostSpecificKeywordCountsAndOnlyWholeWords() {
        assertThat(points(Scoring.score(RULES, profileWithTitle("Vice President, Sales")), "seniority")).isEqualTo(20);
        assertThat(points(Scoring.score(RULES, profileWithTitle("PRESIDENT")), "seniority")).isEqualTo(25);
        // "cto" inside "director" is not the CTO
        assertThat(points(Scoring.score(RULES, profileWithTitle("Sales Director")), "seniority")).isEqualTo(15);
        assertThat(points(Scoring.score(RULES, profileWithTitle("Factotum")), "seniority")).isZero();
    }

    @Test
    void theHighestBandReachedCountsWithItsLowerBoundIncluded() {
        assertThat(points(Scoring.score(RULES, profileWithSize(49)), "companySize")).isZero();
        assertThat(points(Scoring.score(RULES, profileWithSize(50)), "companySize")).isEqualTo(10);
        assertThat(points(Scoring.score(RULES, profileWithSize(999)), "companySize")).isEqualTo(10);
        assertThat(points(Scoring.score(RULES, profileWithSize(1000)), "companySize")).isEqualTo(20);
    }

    @Test
    void touchesAfterTheFirstRaiseTheScoreUpToTheCap() {
        assertThat(points(Scoring.score(RULES, profileWithTouches(1)), "engagement")).isZero();
        assertThat(points(Scoring.score(RULES, profileWithTouches(3)), "engagement")).isEqualTo(10);
        assertThat(points(Scoring.score(RULES, profileWithTouches(40)), "engagement")).isEqualTo(15);
    }

    @Test
    void aScoreEqualToTheThresholdQualifies() {
        // REFERRAL 15 + NOW 20 + budget 10 + size 10 = 55; a threshold of 55 is met exactly
        ScoringRules rules = new ScoringRules(55, RULES.seniority(), RULES.companySize(), RULES.budget(),
                RULES.timeline(), RULES.channel(), RULES.engagement());
        LeadProfile lead = new LeadProfile(null, 60, new BigDecimal("10000"), Timeline.NOW, Channel.REFERRAL, 1);

        Score atThreshold = Scoring.score(rules, lead);
        assertThat(atThreshold.total()).isEqualTo(55);
        assertThat(atThreshold.qualifies()).isTrue();

        ScoringRules stricter = new ScoringRules(56, RULES.seniority(), RULES.companySize(), RULES.budget(),
                RULES.timeline(), RULES.channel(), RULES.engagement());
        assertThat(Scoring.score(stricter, lead).qualifies()).isFalse();
    }

    @Test
    void missingPartsOfTheRulesScoreNothing() {
        ScoringRules empty = new ScoringRules(10, null, null, null, null, null, null);
        Score score = Scoring.score(empty, new LeadProfile("CTO", 5000, new BigDecimal("1000000"), Timeline.NOW,
                Channel.REFERRAL, 9));

        assertThat(score.total()).isZero();
        assertThat(score.breakdown()).hasSize(6);
    }

    private static LeadProfile profileWithTitle(String title) {
        return new LeadProfile(title, null, null, null, Channel.OTHER, 1);
    }

    private static LeadProfile profileWithSize(int size) {
        return new LeadProfile(null, size, null, null, Channel.OTHER, 1);
    }

    private static LeadProfile profileWithTouches(int touches) {
        return new LeadProfile(null, null, null, null, Channel.OTHER, touches);
    }
}
