package dev.funnel.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * How a qualified lead's deal goes, with the odds of an SMB and mid-market inside-sales team. Overall
 * about one qualified lead in five is won (0.9 x 0.55 x 0.65 x 0.65 = 21 %), in line with the 15-25 %
 * SQL-to-customer rates and ~20 % win rates B2B pipeline reports give; the cycle from qualification to
 * a win takes 2-6 weeks, median about three.
 */
final class SalesOdds {

    /** One step forward: the stage, the chance of getting there, and how many business days it takes. */
    private record Step(String stage, double odds, double minDays, double maxDays, List<String> lossReasons,
                        List<Double> lossWeights) {
    }

    private static final List<String> REASONS = List.of("PRICE", "COMPETITOR", "NO_BUDGET", "NO_DECISION", "TIMING", "OTHER");

    private static final List<Step> STEPS = List.of(
            // speed to lead: most teams call within a day; a tenth of the leads are never reached
            new Step("CONTACTED", 0.90, 0.2, 2, REASONS, List.of(0.0, 0.0, 10.0, 70.0, 15.0, 5.0)),
            // discovery: about half has the need, the budget and the moment for a proposal
            new Step("PROPOSAL", 0.55, 3, 10, REASONS, List.of(5.0, 10.0, 35.0, 25.0, 20.0, 5.0)),
            // after the proposal, price and competitors take over as the reasons to lose
            new Step("NEGOTIATION", 0.65, 4, 12, REASONS, List.of(35.0, 30.0, 5.0, 20.0, 8.0, 2.0)),
            new Step("WON", 0.65, 3, 10, REASONS, List.of(40.0, 35.0, 0.0, 20.0, 3.0, 2.0)));

    /** One won customer in five refers someone within a few weeks (referral programmes report 15-25 %). */
    static final double REFERRAL_ODDS = 0.2;

    private SalesOdds() {
    }

    /**
     * The moves of one lead's deal; with {@code referred} non-null a win may bring a referral, whose
     * person and deal are drawn at once so the plan does not depend on which deals the run wins.
     */
    static Deal draw(Dice dice, Person person, Supplier<Person> referred) {
        List<Deal.Move> moves = new ArrayList<>();
        for (Step step : STEPS) {
            double days = dice.between(step.minDays(), step.maxDays());
            if (!dice.chance(step.odds())) {
                moves.add(new Deal.Move("LOST", days, null, dice.pick(step.lossReasons(), step.lossWeights())));
                return new Deal(moves, null);
            }
            moves.add(new Deal.Move(step.stage(), days, step.stage().equals("WON") ? amount(dice, person) : null, null));
        }
        Deal.Referral referral = null;
        if (referred != null && dice.chance(REFERRAL_ODDS)) {
            double afterDays = dice.between(2, 15);
            Person friend = referred.get();
            referral = new Deal.Referral(afterDays, friend, draw(dice, friend, null));
        }
        return new Deal(moves, referral);
    }

    /**
     * A first-year contract value: median $12,000 (SMB to mid-market SaaS), skewed right, larger for larger
     * companies; to $100, between $1,000 and $500,000.
     */
    static BigDecimal amount(Dice dice, Person person) {
        Integer size = person.companySize();
        double scale = size == null ? 1.0 : size >= 1_000 ? 2.5 : size >= 200 ? 1.6 : size >= 50 ? 1.0 : 0.6;
        double amount = Math.min(500_000, Math.max(1_000, dice.logNormal(12_000, 0.7) * scale));
        return BigDecimal.valueOf(Math.round(amount / 100) * 100L).setScale(2, RoundingMode.UNNECESSARY);
    }
}
