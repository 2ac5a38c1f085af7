package dev.funnel.simulator;

/**
 * One form filled in on a day of the plan.
 *
 * @param secondOfDay when in the day (UTC), from 0
 * @param person      who; a returning person is one planned before, and posting them again is a touch
 * @param returning   true when {@code person} was planned before: marketing should answer duplicate
 * @param deal        what sales does with the lead if it qualifies; null for a returning person
 */
public record PlannedLead(int secondOfDay, Person person, LeadSource source, boolean returning, Deal deal) {
}
