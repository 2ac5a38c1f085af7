package dev.funnel.simulator;

/**
 * Everything a plan is drawn from: the same settings always give the same plan.
 *
 * @param seed        seeds the plan's one {@link Dice}
 * @param days        business days the plan covers (calendar days: weekends are quiet, not skipped)
 * @param campaigns   campaigns launched over the plan, on six channels
 * @param leadsPerDay new leads on an average weekday, all sources together
 * @param reps        the sales team's size
 */
public record PlanSettings(long seed, int days, int campaigns, double leadsPerDay, int reps) {

    public PlanSettings {
        if (days < 1) {
            throw new IllegalArgumentException("a plan covers at least one day, not " + days);
        }
        if (campaigns < 1) {
            throw new IllegalArgumentException("a plan has at least one campaign, not " + campaigns);
        }
        if (leadsPerDay < 0) {
            throw new IllegalArgumentException("leads per day cannot be negative: " + leadsPerDay);
        }
        if (reps < 1) {
            throw new IllegalArgumentException("a sales team has at least one rep, not " + reps);
        }
    }
}
