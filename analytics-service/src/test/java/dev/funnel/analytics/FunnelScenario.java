package dev.funnel.analytics;

import static dev.funnel.analytics.FunnelEvents.aware;
import static dev.funnel.analytics.FunnelEvents.disqualified;
import static dev.funnel.analytics.FunnelEvents.engaged;
import static dev.funnel.analytics.FunnelEvents.generated;
import static dev.funnel.analytics.FunnelEvents.launched;
import static dev.funnel.analytics.FunnelEvents.lost;
import static dev.funnel.analytics.FunnelEvents.moved;
import static dev.funnel.analytics.FunnelEvents.qualified;
import static dev.funnel.analytics.FunnelEvents.spent;
import static dev.funnel.analytics.FunnelEvents.won;

import dev.funnel.contracts.Channel;
import dev.funnel.contracts.pipeline.PipelineStage;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A small funnel with hand-computed figures, starting at {@code day} (a UTC midnight) and lasting a week;
 * fresh ids every time, so each test has its own.
 *
 * <pre>
 * campaign "Search spring" (SEARCH): spend 300 on day 0 and 200 on day 1; awareness at 09:00 of day 0 in two
 *   reports, 1000/50/20 and 500/25/10 (impressions/clicks/visits)
 *   lead 1, 09:30: qualified, contacted, proposal, negotiation, won 1200 four days later; engaged via "Email
 *     spring" on day 2
 *   lead 2, 10:00: qualified, then disqualified by a rep, then a follow-up (no figure changes)
 *   lead 3, 11:00: qualified, contacted, proposal, lost; then erased (it keeps counting)
 * campaign "Email spring" (EMAIL): spend 100 on day 0; awareness at 10:00 of day 0, 400/8/4
 *   lead 4, 12:00: qualified, contacted, proposal, negotiation, won 300 two days later
 * no campaign (OTHER): lead 5, 13:00: disqualified by scoring
 * </pre>
 */
public final class FunnelScenario {

    public static final String SEARCH_NAME = "Search spring";
    public static final String EMAIL_NAME = "Email spring";

    /** Campaign "Search spring" alone: 75/1500 clicks, 3 leads of 30 visits, 1 won of 3 qualified, 1 lost. */
    public static final Map<String, String> SEARCH_FUNNEL = funnel(
            "impressions 1500, clicks 75, visits 30, leads 3, qualified 3, contacted 2, proposals 2, negotiations 1, "
            + "won 1, lost 1, revenue 1200, spend 500, ctr 0.05, visitToLead 0.1, leadToQualified 1, "
            + "qualifiedToWon 0.3333, winRate 0.5, avgDealSize 1200, avgSalesCycleDays 4.0, costPerLead 166.67, "
            + "cac 500, roas 2.4, roi 1.4");

    /** Campaign "Email spring" alone (the touch of lead 1 is not a lead of its own). */
    public static final Map<String, String> EMAIL_FUNNEL = funnel(
            "impressions 400, clicks 8, visits 4, leads 1, qualified 1, contacted 1, proposals 1, negotiations 1, "
            + "won 1, lost 0, revenue 300, spend 100, ctr 0.02, visitToLead 0.25, leadToQualified 1, "
            + "qualifiedToWon 1, winRate 1, avgDealSize 300, avgSalesCycleDays 2.0, costPerLead 100, cac 100, "
            + "roas 3, roi 2");

    /** Lead 5 alone, without a campaign: no awareness or spend, so most ratios have no denominator. */
    public static final Map<String, String> OTHER_FUNNEL = funnel(
            "impressions 0, clicks 0, visits 0, leads 1, qualified 0, contacted 0, proposals 0, negotiations 0, "
            + "won 0, lost 0, revenue 0, spend 0, ctr null, visitToLead null, leadToQualified 0, "
            + "qualifiedToWon null, winRate null, avgDealSize null, avgSalesCycleDays null, costPerLead 0, cac null, "
            + "roas null, roi null");

    /**
     * Everything: ctr 83 / 1900 = 0.04368, visitToLead 5 / 34 = 0.14706, winRate 2 / 3, cycles (4 + 2) / 2 days,
     * costPerLead 600 / 5, cac 600 / 2, roas 1500 / 600, roi 900 / 600.
     */
    public static final Map<String, String> TOTAL_FUNNEL = funnel(
            "impressions 1900, clicks 83, visits 34, leads 5, qualified 4, contacted 3, proposals 3, negotiations 2, "
            + "won 2, lost 1, revenue 1500, spend 600, ctr 0.0437, visitToLead 0.1471, leadToQualified 0.8, "
            + "qualifiedToWon 0.5, winRate 0.6667, avgDealSize 750, avgSalesCycleDays 3.0, costPerLead 120, "
            + "cac 300, roas 2.5, roi 1.5");

    public final Instant day;
    public final UUID search = UUID.randomUUID();
    public final UUID email = UUID.randomUUID();
    public final UUID lead1 = UUID.randomUUID();
    public final UUID lead2 = UUID.randomUUID();
    public final UUID lead3 = UUID.randomUUID();
    public final UUID lead4 = UUID.randomUUID();
    public final UUID lead5 = UUID.randomUUID();
    private final List<FunnelEvents.Event> events;

    public FunnelScenario(Instant day) {
        this.day = day;
        Instant l1 = at(9, 30);
        Instant l4 = at(12, 0);
        events = List.of(
                launched(search, SEARCH_NAME, Channel.SEARCH, "5000", day.minus(Duration.ofDays(1))),
                launched(email, EMAIL_NAME, Channel.EMAIL, "1000", day.minus(Duration.ofDays(1))),
                spent(search, "300", day),
                spent(email, "100", day),
                aware(search, at(9, 0), 1000, 50, 20),
                aware(search, at(9, 0), 500, 25, 10),
                aware(email, at(10, 0), 400, 8, 4),
                generated(lead1, search, Channel.SEARCH, l1),
                qualified(lead1, l1.plusSeconds(60)),
                generated(lead2, search, Channel.SEARCH, at(10, 0)),
                qualified(lead2, at(10, 1)),
                generated(lead3, search, Channel.SEARCH, at(11, 0)),
                qualified(lead3, at(11, 1)),
                generated(lead4, email, Channel.EMAIL, l4),
                qualified(lead4, l4.plusSeconds(60)),
                generated(lead5, null, Channel.OTHER, at(13, 0)),
                disqualified(lead5, PipelineStage.NEW, at(13, 1)),
                moved(lead1, PipelineStage.QUALIFIED, PipelineStage.CONTACTED, at(15, 0)),
                moved(lead3, PipelineStage.QUALIFIED, PipelineStage.CONTACTED, at(15, 0)),
                moved(lead4, PipelineStage.QUALIFIED, PipelineStage.CONTACTED, at(15, 0)),
                disqualified(lead2, PipelineStage.QUALIFIED, at(16, 0)),
                spent(search, "200", day.plus(Duration.ofDays(1))),
                moved(lead1, PipelineStage.CONTACTED, PipelineStage.PROPOSAL, l1.plus(Duration.ofDays(1))),
                moved(lead3, PipelineStage.CONTACTED, PipelineStage.PROPOSAL, l1.plus(Duration.ofDays(1))),
                moved(lead4, PipelineStage.CONTACTED, PipelineStage.PROPOSAL, l4.plus(Duration.ofDays(1))),
                engaged(lead1, email, Channel.EMAIL, day.plus(Duration.ofDays(2))),
                moved(lead1, PipelineStage.PROPOSAL, PipelineStage.NEGOTIATION, l1.plus(Duration.ofDays(2))),
                moved(lead4, PipelineStage.PROPOSAL, PipelineStage.NEGOTIATION, l4.plus(Duration.ofDays(2))),
                lost(lead3, PipelineStage.PROPOSAL, l1.plus(Duration.ofDays(2))),
                FunnelEvents.won(lead4, "300", l4.plus(Duration.ofDays(2))),
                FunnelEvents.followedUp(lead2, at(17, 0)),
                FunnelEvents.erased(lead3, l1.plus(Duration.ofDays(3))),
                won(lead1, "1200", l1.plus(Duration.ofDays(4))));
    }

    /** Every event, in the order they happened. */
    public List<FunnelEvents.Event> events() {
        return events;
    }

    /** The week the scenario happens in. */
    public Instant end() {
        return day.plus(Duration.ofDays(7));
    }

    /** "field value, field value, ..." as a map in that order; "null" stands for a null ratio. */
    private static Map<String, String> funnel(String figures) {
        Map<String, String> funnel = new LinkedHashMap<>();
        for (String figure : figures.split(", ")) {
            String[] parts = figure.split(" ");
            funnel.put(parts[0], parts[1]);
        }
        return Collections.unmodifiableMap(funnel);
    }

    private Instant at(int hour, int minute) {
        return day.plus(Duration.ofHours(hour).plusMinutes(minute));
    }
}
