package dev.funnel.simulator;

import java.math.BigDecimal;

/**
 * One campaign as planned: launched on {@code startDay}, running to {@code endDay} (both counted from
 * the plan's first day, inclusive), with a budget that covers its planned spend.
 *
 * @param number    its place in the plan, from 0
 * @param leadShare its weight among the campaigns running on a day: the share of campaign leads it brings
 */
public record CampaignPlan(int number, String name, ChannelProfile channel, BigDecimal budget, int startDay,
                           int endDay, ChannelProfile.CampaignRates rates, double leadShare) {

    public boolean runsOn(int day) {
        return day >= startDay && day <= endDay;
    }
}
