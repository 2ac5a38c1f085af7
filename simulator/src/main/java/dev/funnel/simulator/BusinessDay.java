package dev.funnel.simulator;

import java.util.List;

/**
 * One day of the plan: the campaigns launched that morning, each running campaign's spend and
 * awareness, and the leads that arrive, in order of their time.
 *
 * @param day counted from the plan's first day (a Monday), from 0
 */
public record BusinessDay(int day, List<CampaignPlan> launches, List<CampaignDay> campaigns, List<PlannedLead> leads) {

    public BusinessDay {
        launches = List.copyOf(launches);
        campaigns = List.copyOf(campaigns);
        leads = List.copyOf(leads);
    }
}
