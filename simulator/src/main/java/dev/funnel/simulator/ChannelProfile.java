package dev.funnel.simulator;

import java.util.List;

/**
 * How a paid channel turns money into awareness and awareness into leads, as ranges a campaign draws
 * its own rates from. The names are the funnel's channels. Awareness counts follow the API's meaning:
 * impressions seen, clicks on them, visits that reached the landing page.
 *
 * <p>The figures are public B2B benchmarks, rounded: CPM is the cost of a thousand impressions, CTR
 * clicks per impression, {@code visitRate} visits per click (some clicks never load the page), and
 * {@code visitToLead} leads per visit (form conversion of the landing page).
 */
public enum ChannelProfile {

    /** Paid search: Google Ads benchmarks put B2B search CTR near 2.5-4.5 % at $2-3 a click (CPM $40-80),
     *  and landing pages of search traffic convert 2.5-4.5 % of visits (Unbounce, B2B median ~3 %). */
    SEARCH(40, 80, 0.025, 0.045, 0.80, 0.92, 0.025, 0.045, "google", "cpc",
            List.of("Brand terms", "Competitor terms", "Solution keywords", "Pricing intent")),
    /** Paid social (LinkedIn and Meta mixed): CPM $8-30, CTR 0.5-1.2 %; social visitors convert 1.5-3 %. */
    SOCIAL(8, 30, 0.005, 0.012, 0.70, 0.85, 0.015, 0.03, "linkedin", "paid-social",
            List.of("Thought leadership", "Lead gen forms", "Retargeting", "Case study carousel")),
    /** Display: CPM $2-6, CTR 0.3-0.6 % (Google Display Network averages ~0.45 %), visitors convert 0.5-1.5 %. */
    DISPLAY(2, 6, 0.003, 0.006, 0.60, 0.80, 0.005, 0.015, "gdn", "display",
            List.of("Awareness banners", "Industry sites", "Retargeting banners")),
    /** Email to the house list: an impression is an opened mail; click-through 2-4 % of opens (Mailchimp's
     *  averages ~2.6 % for B2B), nearly every click lands; CPM $5-15 for sending and the list. */
    EMAIL(5, 15, 0.02, 0.04, 0.90, 0.97, 0.03, 0.06, "newsletter", "email",
            List.of("Monthly newsletter", "Product update", "Nurture sequence", "Webinar invite")),
    /** Sponsored and gated content (ebooks, webinars): CPM $30-60, CTR 1-2 %; gated forms convert 5-10 %. */
    CONTENT(30, 60, 0.01, 0.02, 0.85, 0.95, 0.05, 0.10, "syndication", "content",
            List.of("State of the industry report", "Buyer's guide ebook", "Webinar series")),
    /** Trade shows: an impression is an attendee passing the booth ($1,500-3,000 per thousand, the stand's
     *  cost), a click one who stops (5-10 %), a visit a scanned badge (40-60 %), of which a fifth to a
     *  third become leads: cost per lead $150-400, as event marketers report. */
    EVENT(1_500, 3_000, 0.05, 0.10, 0.40, 0.60, 0.20, 0.35, "event", "booth",
            List.of("Spring trade show", "Regional roadshow", "Partner summit"));

    private final double cpmLow;
    private final double cpmHigh;
    private final double ctrLow;
    private final double ctrHigh;
    private final double visitRateLow;
    private final double visitRateHigh;
    private final double visitToLeadLow;
    private final double visitToLeadHigh;
    private final String utmSource;
    private final String utmMedium;
    private final List<String> themes;

    ChannelProfile(double cpmLow, double cpmHigh, double ctrLow, double ctrHigh, double visitRateLow,
                   double visitRateHigh, double visitToLeadLow, double visitToLeadHigh, String utmSource,
                   String utmMedium, List<String> themes) {
        this.cpmLow = cpmLow;
        this.cpmHigh = cpmHigh;
        this.ctrLow = ctrLow;
        this.ctrHigh = ctrHigh;
        this.visitRateLow = visitRateLow;
        this.visitRateHigh = visitRateHigh;
        this.visitToLeadLow = visitToLeadLow;
        this.visitToLeadHigh = visitToLeadHigh;
        this.utmSource = utmSource;
        this.utmMedium = utmMedium;
        this.themes = themes;
    }

    /** The rates one campaign on this channel runs at, each drawn from the channel's range. */
    public CampaignRates drawRates(Dice dice) {
        return new CampaignRates(dice.between(cpmLow, cpmHigh), dice.between(ctrLow, ctrHigh),
                dice.between(visitRateLow, visitRateHigh), dice.between(visitToLeadLow, visitToLeadHigh));
    }

    public boolean allows(CampaignRates rates) {
        return within(rates.cpm(), cpmLow, cpmHigh) && within(rates.ctr(), ctrLow, ctrHigh)
                && within(rates.visitRate(), visitRateLow, visitRateHigh)
                && within(rates.visitToLead(), visitToLeadLow, visitToLeadHigh);
    }

    private static boolean within(double value, double low, double high) {
        return value >= low && value <= high;
    }

    public String utmSource() {
        return utmSource;
    }

    public String utmMedium() {
        return utmMedium;
    }

    public List<String> themes() {
        return themes;
    }

    /** What one campaign pays and converts at. */
    public record CampaignRates(double cpm, double ctr, double visitRate, double visitToLead) {
    }
}
