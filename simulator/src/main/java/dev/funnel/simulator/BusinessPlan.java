package dev.funnel.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The business a simulation plays, drawn day by day from one {@link Dice}: first the campaigns and the
 * sales team, then each day in turn. Nothing drawn depends on how the funnel answers, so a seed gives
 * the same plan whatever happens while it is played; days are drawn only when asked for, so a plan of
 * any length costs the memory of one day.
 */
public final class BusinessPlan {

    /** Of the new leads, the share arriving through a campaign; the rest is organic. */
    static final double CAMPAIGN_SHARE = 0.85;
    /** Of all forms filled in, the share from people who filled one in before (a touch, not a new lead). */
    static final double RETURNING_SHARE = 0.05;
    /** Of campaign leads, the share posted with the campaign's id; the rest come through a tracked link (utm). */
    static final double FORM_SHARE = 0.65;
    /** Weekend days bring this fraction of a weekday's business (B2B traffic drops by two thirds or more). */
    static final double WEEKEND_FACTOR = 0.3;
    /** Traffic by UTC hour: the working day of Europe and the Americas, quiet at night. */
    static final List<Double> HOURS = List.of(1.0, 0.8, 0.6, 0.5, 0.5, 0.6, 1.0, 1.5, 2.5, 3.5, 4.0, 4.0,
            3.8, 4.2, 4.8, 5.0, 4.8, 4.2, 3.5, 3.0, 2.5, 2.0, 1.6, 1.2);

    private static final List<String> ORGANIC_SOURCES = List.of("google", "bing", "direct", "partner-site");
    private static final List<String> ORGANIC_MEDIA = List.of("organic", "organic", "none", "referral");
    private static final List<String> REP_NAMES = List.of("Dana Whitfield", "Sam Okoro", "Riley Chen", "Jordan Baptiste",
            "Alex Moreau", "Casey Lindqvist", "Morgan Adeyemi", "Taylor Brennan", "Jamie Sato", "Robin Kowalski");

    private final PlanSettings settings;
    private final Dice dice;
    private final Prospects prospects;
    private final List<CampaignPlan> campaigns;
    private final List<String> reps;
    /** Everyone who filled in a form on an earlier day: the people who may come back. */
    private final List<Person> people = new ArrayList<>();
    private int nextDay;

    public BusinessPlan(PlanSettings settings) {
        this.settings = settings;
        this.dice = new Dice(settings.seed());
        this.prospects = new Prospects(dice);
        this.campaigns = drawCampaigns();
        this.reps = drawReps();
    }

    public PlanSettings settings() {
        return settings;
    }

    public List<CampaignPlan> campaigns() {
        return campaigns;
    }

    /** The sales team, by name. */
    public List<String> reps() {
        return reps;
    }

    public boolean hasNextDay() {
        return nextDay < settings.days();
    }

    public BusinessDay nextDay() {
        if (!hasNextDay()) {
            throw new IllegalStateException("the plan ends after day " + (settings.days() - 1));
        }
        int day = nextDay++;
        List<CampaignPlan> running = campaigns.stream().filter(c -> c.runsOn(day)).toList();
        double shares = running.stream().mapToDouble(CampaignPlan::leadShare).sum();
        double leads = settings.leadsPerDay() * dayFactor(day);
        List<CampaignDay> campaignDays = new ArrayList<>();
        for (CampaignPlan campaign : running) {
            campaignDays.add(campaignDay(campaign, leads * CAMPAIGN_SHARE * campaign.leadShare() / shares));
        }
        List<PlannedLead> planned = new ArrayList<>();
        int count = dice.poisson(leads / (1 - RETURNING_SHARE));
        for (int i = 0; i < count; i++) {
            planned.add(lead(running));
        }
        planned.sort(Comparator.comparingInt(PlannedLead::secondOfDay));
        // people come back on a later day: today's order in time is known only now
        planned.stream().filter(l -> !l.returning()).forEach(l -> people.add(l.person()));
        List<CampaignPlan> launches = campaigns.stream().filter(c -> c.startDay() == day).toList();
        return new BusinessDay(day, launches, campaignDays, planned);
    }

    /** Day 0 is a Monday: days 5 and 6 of every week are the weekend. */
    public static double dayFactor(int day) {
        return day % 7 >= 5 ? WEEKEND_FACTOR : 1.0;
    }

    private List<CampaignPlan> drawCampaigns() {
        List<ChannelProfile> channels = new ArrayList<>(List.of(ChannelProfile.values()));
        for (int i = channels.size() - 1; i > 0; i--) { // every channel before any comes twice
            java.util.Collections.swap(channels, i, dice.between(0, i));
        }
        int days = settings.days();
        // the leading channels start on day one, as a quarter's plan does; the others join later
        int fromDayOne = (int) Math.ceil(settings.campaigns() * 0.6);
        List<CampaignPlan> drawn = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int number = 0; number < settings.campaigns(); number++) {
            ChannelProfile channel = channels.get(number % channels.size());
            int start;
            int end;
            if (channel == ChannelProfile.EVENT) { // a show lasts a few days
                start = dice.between(0, Math.max(0, days - 4));
                end = Math.min(days - 1, start + dice.between(1, 3));
            } else {
                start = number < fromDayOne ? 0 : dice.between(1, Math.max(1, days / 2));
                end = dice.chance(0.7) ? days - 1 : Math.min(days - 1, start + Math.max(6, days / 3));
                start = Math.min(start, end);
            }
            ChannelProfile.CampaignRates rates = channel.drawRates(dice);
            double share = dice.between(0.5, 1.5) * (channel == ChannelProfile.EVENT ? 2 : 1);
            String name = uniqueName(names, label(channel) + ": " + dice.pick(channel.themes()));
            names.add(name);
            drawn.add(new CampaignPlan(number, name, channel, null, start, end, rates, share));
        }
        return withBudgets(drawn);
    }

    /** A budget covering the planned spend a quarter over, to the thousand: what a marketer would set. */
    private List<CampaignPlan> withBudgets(List<CampaignPlan> drawn) {
        double shares = drawn.stream().mapToDouble(CampaignPlan::leadShare).sum();
        List<CampaignPlan> budgeted = new ArrayList<>();
        for (CampaignPlan c : drawn) {
            ChannelProfile.CampaignRates r = c.rates();
            double costPerLead = r.cpm() / 1000 / (r.ctr() * r.visitRate() * r.visitToLead());
            // shares among all campaigns understate a campaign's share on the days fewer run: doubled
            double leadsPerDay = settings.leadsPerDay() * CAMPAIGN_SHARE * 2 * c.leadShare() / shares;
            double spend = leadsPerDay * costPerLead * (c.endDay() - c.startDay() + 1) * 1.25;
            BigDecimal budget = BigDecimal.valueOf(Math.max(1, Math.ceil(spend / 1000)) * 1000).setScale(2, RoundingMode.UNNECESSARY);
            budgeted.add(new CampaignPlan(c.number(), c.name(), c.channel(), budget, c.startDay(), c.endDay(), r,
                    c.leadShare()));
        }
        return List.copyOf(budgeted);
    }

    private List<String> drawReps() {
        List<String> pool = new ArrayList<>(REP_NAMES);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < settings.reps(); i++) {
            String name = pool.isEmpty() ? dice.pick(REP_NAMES) : pool.remove(dice.between(0, pool.size() - 1));
            names.add(uniqueName(names, name));
        }
        return List.copyOf(names);
    }

    private static String uniqueName(List<String> taken, String name) {
        String unique = name;
        for (int n = 2; taken.contains(unique); n++) {
            unique = name + " " + n;
        }
        return unique;
    }

    private static String label(ChannelProfile channel) {
        String name = channel.name();
        return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * A campaign's day: visits enough for its expected leads at its conversion rate, the clicks and
     * impressions those visits took, and the spend those impressions cost.
     */
    private CampaignDay campaignDay(CampaignPlan campaign, double expectedLeads) {
        ChannelProfile.CampaignRates rates = campaign.rates();
        double noise = dice.between(0.85, 1.15);
        double visits = expectedLeads / rates.visitToLead() * noise;
        double clicks = visits / rates.visitRate();
        double impressions = clicks / rates.ctr();
        BigDecimal spend = BigDecimal.valueOf(impressions * rates.cpm() / 1000).setScale(2, RoundingMode.HALF_UP);
        long[] i = spread(Math.round(impressions));
        long[] c = spread(Math.round(clicks));
        long[] v = spread(Math.round(visits));
        List<CampaignDay.HourlyAwareness> hours = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            hours.add(new CampaignDay.HourlyAwareness(hour, i[hour], c[hour], v[hour]));
        }
        return new CampaignDay(campaign.number(), spend, hours);
    }

    /** A day's total over its hours by {@link #HOURS}, the rounding left over going to the busiest hours. */
    static long[] spread(long total) {
        double weights = HOURS.stream().mapToDouble(Double::doubleValue).sum();
        long[] hours = new long[24];
        long given = 0;
        for (int h = 0; h < 24; h++) {
            hours[h] = (long) Math.floor(total * HOURS.get(h) / weights);
            given += hours[h];
        }
        List<Integer> busiest = new ArrayList<>(java.util.stream.IntStream.range(0, 24).boxed().toList());
        busiest.sort(Comparator.comparingDouble((Integer h) -> -HOURS.get(h)).thenComparingInt(h -> h));
        for (int k = 0; given < total; k = (k + 1) % 24, given++) {
            hours[busiest.get(k)]++;
        }
        return hours;
    }

    private PlannedLead lead(List<CampaignPlan> running) {
        int hour = dice.pick(java.util.stream.IntStream.range(0, 24).boxed().toList(), HOURS);
        int second = hour * 3600 + dice.between(0, 3599);
        boolean returning = !people.isEmpty() && dice.chance(RETURNING_SHARE);
        Person person = returning ? dice.pick(people) : prospects.next();
        LeadSource source;
        if (running.isEmpty() || !dice.chance(CAMPAIGN_SHARE)) {
            int organic = dice.between(0, ORGANIC_SOURCES.size() - 1);
            source = new LeadSource.Organic(ORGANIC_SOURCES.get(organic), ORGANIC_MEDIA.get(organic));
        } else {
            CampaignPlan campaign = dice.pick(running, running.stream().map(CampaignPlan::leadShare).toList());
            source = dice.chance(FORM_SHARE) ? new LeadSource.CampaignForm(campaign.number())
                    : new LeadSource.TrackedLink(campaign.number());
        }
        if (returning) {
            return new PlannedLead(second, person, source, true, null);
        }
        return new PlannedLead(second, person, source, false, SalesOdds.draw(dice, person, prospects::next));
    }
}
