package dev.funnel.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessPlanTest {

    private static final PlanSettings EIGHT_WEEKS = new PlanSettings(42, 56, 6, 20, 5);

    @Test
    void theSameSeedDrawsTheSamePlan() {
        BusinessPlan first = new BusinessPlan(EIGHT_WEEKS);
        BusinessPlan second = new BusinessPlan(EIGHT_WEEKS);

        assertThat(second.campaigns()).isEqualTo(first.campaigns());
        assertThat(second.reps()).isEqualTo(first.reps());
        assertThat(allDays(second)).isEqualTo(allDays(first));
    }

    @Test
    void anotherSeedDrawsAnotherPlan() {
        BusinessPlan other = new BusinessPlan(new PlanSettings(43, 56, 6, 20, 5));

        assertThat(allDays(other)).isNotEqualTo(allDays(new BusinessPlan(EIGHT_WEEKS)));
    }

    @Test
    void campaignsRunOnSixChannelsAtRatesWithinTheirChannelsRanges() {
        for (long seed = 1; seed <= 20; seed++) {
            BusinessPlan plan = new BusinessPlan(new PlanSettings(seed, 30, 8, 20, 3));
            assertThat(plan.campaigns()).hasSize(8);
            assertThat(plan.campaigns().stream().map(CampaignPlan::channel).distinct()).hasSize(6);
            assertThat(plan.campaigns().stream().map(CampaignPlan::name).distinct()).hasSize(8);
            for (CampaignPlan campaign : plan.campaigns()) {
                assertThat(campaign.channel().allows(campaign.rates())).as("%s", campaign).isTrue();
                assertThat(campaign.startDay()).isBetween(0, campaign.endDay());
                assertThat(campaign.endDay()).isLessThan(30);
                assertThat(campaign.budget()).isPositive();
            }
        }
    }

    @Test
    void eachCampaignDayFunnelsImpressionsIntoClicksIntoVisitsAtItsRates() {
        BusinessPlan plan = new BusinessPlan(EIGHT_WEEKS);
        for (BusinessDay day : allDays(plan)) {
            for (CampaignDay cd : day.campaigns()) {
                ChannelProfile.CampaignRates rates = plan.campaigns().get(cd.campaign()).rates();
                assertThat(cd.impressions()).isGreaterThanOrEqualTo(cd.clicks());
                assertThat(cd.clicks()).isGreaterThanOrEqualTo(cd.visits());
                if (cd.clicks() >= 100) { // rounding aside
                    assertThat((double) cd.clicks() / cd.impressions()).isCloseTo(rates.ctr(), within(rates.ctr() * 0.05));
                    assertThat((double) cd.visits() / cd.clicks()).isCloseTo(rates.visitRate(), within(0.02));
                }
                double cost = cd.impressions() * rates.cpm() / 1000;
                assertThat(cd.spend().doubleValue()).isCloseTo(cost, within(cost * 0.01 + rates.cpm() / 1000));
            }
        }
    }

    @Test
    void aDaysAwarenessIsSpreadOverItsHoursWithoutLosingAny() {
        long[] hours = BusinessPlan.spread(12_345);

        assertThat(java.util.Arrays.stream(hours).sum()).isEqualTo(12_345);
        assertThat(hours[15]).isGreaterThan(hours[3]); // afternoon in Europe, morning in America, against the night
        assertThat(BusinessPlan.spread(5)).containsOnly(0, 1);
    }

    @Test
    void weekdaysBringTheLeadsPerDaySetAndWeekendsFarFewer() {
        List<BusinessDay> days = allDays(new BusinessPlan(EIGHT_WEEKS));
        double weekday = days.stream().filter(d -> d.day() % 7 < 5).mapToLong(BusinessPlanTest::newLeads).average().orElseThrow();
        double weekend = days.stream().filter(d -> d.day() % 7 >= 5).mapToLong(BusinessPlanTest::newLeads).average().orElseThrow();

        assertThat(weekday).isBetween(17.0, 23.0);
        assertThat(weekend).isBetween(3.0, 9.0);
    }

    @Test
    void aboutOneFormInTwentyComesFromSomeonePlannedBefore() {
        List<PlannedLead> leads = allLeads(new BusinessPlan(new PlanSettings(7, 120, 6, 30, 5)));
        Set<Integer> seen = new HashSet<>();
        long returning = 0;
        for (PlannedLead lead : leads) {
            if (lead.returning()) {
                returning++;
                assertThat(seen).contains(lead.person().number());
                assertThat(lead.deal()).isNull();
            } else {
                assertThat(seen.add(lead.person().number())).as("a new person is new").isTrue();
                assertThat(lead.deal()).isNotNull();
            }
        }
        assertThat((double) returning / leads.size()).isBetween(0.035, 0.065);
    }

    @Test
    void leadsComeThroughCampaignFormsTrackedLinksAndOrganicSearch() {
        List<PlannedLead> leads = allLeads(new BusinessPlan(new PlanSettings(7, 60, 6, 30, 5)));
        double forms = share(leads, l -> l.source() instanceof LeadSource.CampaignForm);
        double links = share(leads, l -> l.source() instanceof LeadSource.TrackedLink);
        double organic = share(leads, l -> l.source() instanceof LeadSource.Organic);

        assertThat(forms).isCloseTo(0.85 * 0.65, within(0.04));
        assertThat(links).isCloseTo(0.85 * 0.35, within(0.04));
        assertThat(organic).isCloseTo(0.15, within(0.03));
    }

    @Test
    void salesDefaultRulesQualifySomeNewLeadsAndNotOthers() {
        BusinessPlan plan = new BusinessPlan(new PlanSettings(11, 90, 6, 30, 5));
        List<PlannedLead> leads = allLeads(plan);
        double qualified = share(leads.stream().filter(l -> !l.returning()).toList(),
                l -> DefaultScoring.score(l.person(), channelOf(plan, l.source())) >= DefaultScoring.THRESHOLD);

        // B2B teams pass roughly a quarter to two fifths of marketing's leads to sales
        assertThat(qualified).isBetween(0.2, 0.45);
    }

    private static String channelOf(BusinessPlan plan, LeadSource source) {
        return switch (source) {
            case LeadSource.CampaignForm form -> plan.campaigns().get(form.campaign()).channel().name();
            case LeadSource.TrackedLink link -> plan.campaigns().get(link.campaign()).channel().name();
            case LeadSource.Organic organic -> "OTHER";
        };
    }

    static List<BusinessDay> allDays(BusinessPlan plan) {
        List<BusinessDay> days = new ArrayList<>();
        while (plan.hasNextDay()) {
            days.add(plan.nextDay());
        }
        return days;
    }

    static List<PlannedLead> allLeads(BusinessPlan plan) {
        return allDays(plan).stream().flatMap(d -> d.leads().stream()).toList();
    }

    private static long newLeads(BusinessDay day) {
        return day.leads().stream().filter(l -> !l.returning()).count();
    }

    private static double share(List<PlannedLead> leads, java.util.function.Predicate<PlannedLead> test) {
        return (double) leads.stream().filter(test).count() / leads.size();
    }
}
