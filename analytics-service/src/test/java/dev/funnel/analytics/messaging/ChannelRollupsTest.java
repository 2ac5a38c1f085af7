package dev.funnel.analytics.messaging;

import static dev.funnel.analytics.FunnelApi.PATIENCE;
import static dev.funnel.analytics.FunnelApi.assertFigures;
import static dev.funnel.analytics.FunnelApi.awaitFunnel;
import static dev.funnel.analytics.FunnelApi.funnel;
import static dev.funnel.analytics.FunnelApi.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.analytics.ConsumerLag;
import dev.funnel.analytics.FunnelEvents;
import dev.funnel.analytics.FunnelScenario;
import dev.funnel.contracts.Channel;
import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.campaign.CampaignChanged;
import dev.funnel.contracts.campaign.CampaignStatus;
import dev.funnel.testing.FunnelInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The rollups without the campaign, which every query not asking for one campaign reads, hold exactly the sums of
 * the per-campaign rollups under each campaign's channel, whatever the order and however often events arrive.
 */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class ChannelRollupsTest {

    private static final List<String> FIELDS = List.of("impressions", "clicks", "visits", "spend");

    @Inject
    EntityManager em;

    @Test
    void awarenessAndSpendOfACampaignNotLaunchedYetMoveToItsChannelWithTheLaunch() {
        UUID campaign = UUID.randomUUID();
        Instant hour = Instant.parse("2019-02-11T14:00:00Z");
        Map<String, String> other = Map.of("from", "2019-02-11", "to", "2019-02-12", "channel", "OTHER");
        Map<String, String> display = Map.of("from", "2019-02-11", "to", "2019-02-12", "channel", "DISPLAY");
        FunnelEvents.publish(FunnelEvents.aware(campaign, hour, 800, 16, 4),
                FunnelEvents.spent(campaign, "64.25", hour),
                // a change carries no channel: the campaign stays under OTHER
                FunnelEvents.event(EventTypes.CAMPAIGN_CHANGED, campaign, new CampaignChanged(campaign, "Banners",
                        new BigDecimal("900"), "USD", CampaignStatus.PAUSED, hour), hour));

        awaitFunnel(other, Map.of("impressions", "800", "clicks", "16", "visits", "4", "spend", "64.25"));
        assertFigures(funnel(display), Map.of("impressions", "0", "spend", "0"));

        FunnelEvents.publish(FunnelEvents.launched(campaign, "Banners", Channel.DISPLAY, "500", hour.minusSeconds(3600)),
                FunnelEvents.aware(campaign, hour.plusSeconds(3600), 200, 4, 1));

        awaitFunnel(display, Map.of("impressions", "1000", "clicks", "20", "visits", "5", "spend", "64.25"));
        assertFigures(funnel(other), Map.of("impressions", "0", "clicks", "0", "visits", "0", "spend", "0"));
        assertFigures(funnel(Map.of("from", "2019-02-11", "to", "2019-02-12", "campaignId", campaign.toString())),
                Map.of("impressions", "1000", "spend", "64.25"));
    }

    @Test
    void channelRollupsEqualTheSumOfTheCampaignRollupsUnderShuffledAndDuplicatedDelivery() {
        // the week runs over a month's end, so month rows of two months are written and moved
        FunnelScenario s = new FunnelScenario(Instant.parse("2019-03-29T00:00:00Z"));
        UUID display = UUID.randomUUID();
        UUID unlaunched = UUID.randomUUID();
        Instant lastHourOfMarch = Instant.parse("2019-03-31T23:00:00Z");
        List<FunnelEvents.Event> events = new ArrayList<>(s.events());
        events.addAll(List.of(
                FunnelEvents.launched(display, "Banners spring", Channel.DISPLAY, "700", s.day),
                FunnelEvents.event(EventTypes.CAMPAIGN_CHANGED, display, new CampaignChanged(display, "Banners spring",
                        new BigDecimal("800"), "USD", CampaignStatus.ACTIVE, s.day.plusSeconds(60)), s.day.plusSeconds(60)),
                FunnelEvents.aware(display, lastHourOfMarch, 600, 6, 2),
                FunnelEvents.aware(display, lastHourOfMarch.plusSeconds(7200), 100, 1, 1),
                FunnelEvents.spent(display, "40", lastHourOfMarch),
                FunnelEvents.spent(display, "10", lastHourOfMarch.plusSeconds(7200)),
                // never launched: under OTHER for good
                FunnelEvents.aware(unlaunched, lastHourOfMarch, 50, 5, 5),
                FunnelEvents.spent(unlaunched, "7.5", lastHourOfMarch)));
        List<FunnelEvents.Event> twice = new ArrayList<>(events);
        twice.addAll(events);
        // awareness and spend before their campaign's launch, a change before it, copies before originals
        Collections.shuffle(twice, new Random(20190329));

        FunnelEvents.publish(twice);
        Map<String, String> week = Map.of("from", s.day.toString(), "to", s.end().toString());
        awaitFunnel(week, Map.of("impressions", "2650", "clicks", "95", "visits", "42", "spend", "657.5",
                "leads", "5", "won", "2", "revenue", "1500"));
        ConsumerLag.awaitNone();

        Map<String, JsonNode> channels = new HashMap<>();
        get("/api/analytics/channels", week).forEach(row -> channels.put(row.get("channel").asText(), row));
        assertFigures(channels.get("SEARCH"), Map.of("impressions", "1500", "clicks", "75", "visits", "30",
                "spend", "500", "leads", "3", "won", "1", "revenue", "1200"));
        assertFigures(channels.get("EMAIL"), Map.of("impressions", "400", "spend", "100", "leads", "1", "won", "1"));
        assertFigures(channels.get("DISPLAY"), Map.of("impressions", "700", "clicks", "7", "visits", "3", "spend", "50"));
        assertFigures(channels.get("OTHER"), Map.of("impressions", "50", "clicks", "5", "visits", "5", "spend", "7.5",
                "leads", "1"));
        // the per-campaign rows, read from the per-campaign rollups, add up to the channel rows
        Map<String, Map<String, BigDecimal>> sums = new HashMap<>();
        get("/api/analytics/campaigns", week).forEach(row -> {
            String channel = row.get("channel").isNull() ? "OTHER" : row.get("channel").asText();
            FIELDS.forEach(field -> sums.computeIfAbsent(channel, c -> new HashMap<>())
                    .merge(field, row.get(field).decimalValue(), BigDecimal::add));
        });
        for (String channel : List.of("SEARCH", "EMAIL", "DISPLAY", "OTHER")) {
            for (String field : FIELDS) {
                assertThat(channels.get(channel).get(field).decimalValue()).as(channel + " " + field)
                        .isEqualByComparingTo(sums.get(channel).get(field));
            }
        }
        assertThat(differences()).isEmpty();
    }

    @Test
    void everyChannelRollupRowIsTheSumOfItsCampaignRollupRows() {
        UUID campaign = UUID.randomUUID();
        Instant hour = Instant.parse("2019-05-20T08:00:00Z");
        FunnelEvents.publish(FunnelEvents.aware(campaign, hour, 30, 3, 1),
                FunnelEvents.launched(campaign, "Radio", Channel.BROADCAST, "100", hour),
                FunnelEvents.aware(campaign, hour, 70, 7, 2));
        await().atMost(PATIENCE).untilAsserted(() -> assertFigures(funnel(Map.of("from", "2019-05-20", "to", "2019-05-21",
                "channel", "BROADCAST")), Map.of("impressions", "100", "clicks", "10", "visits", "3")));
        ConsumerLag.awaitNone();

        // over everything every test of this run has delivered, in whatever order
        assertThat(differences()).isEmpty();
    }

    /** Each key whose channel rollup row differs from the sum of its per-campaign rows (all-zero rows count as absent). */
    private List<String> differences() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> found = new ArrayList<>();
            found.addAll(rows("""
                    SELECT 'lead ' || grain || ' ' || bucket_start || ' ' || channel || ': ' || coalesce(a.v, 'none')
                           || ' by channel, ' || coalesce(b.v, 'none') || ' by campaign'
                    FROM (SELECT grain, bucket_start, channel, ROW(leads, qualified, contacted, proposals, negotiations,
                                 won, lost, revenue, won_cycle_seconds)::text AS v
                          FROM lead_channel_rollup
                          WHERE leads <> 0 OR qualified <> 0 OR contacted <> 0 OR proposals <> 0 OR negotiations <> 0
                             OR won <> 0 OR lost <> 0 OR revenue <> 0 OR won_cycle_seconds <> 0) a
                    FULL JOIN (SELECT grain, bucket_start, channel, ROW(sum(leads), sum(qualified), sum(contacted),
                                      sum(proposals), sum(negotiations), sum(won), sum(lost), sum(revenue),
                                      sum(won_cycle_seconds))::text AS v
                               FROM lead_rollup GROUP BY grain, bucket_start, channel
                               HAVING sum(leads) <> 0 OR sum(qualified) <> 0 OR sum(contacted) <> 0
                                  OR sum(proposals) <> 0 OR sum(negotiations) <> 0 OR sum(won) <> 0 OR sum(lost) <> 0
                                  OR sum(revenue) <> 0 OR sum(won_cycle_seconds) <> 0) b
                    USING (grain, bucket_start, channel)
                    WHERE a.v IS DISTINCT FROM b.v"""));
            found.addAll(rows("""
                    SELECT 'awareness ' || grain || ' ' || bucket_start || ' ' || channel || ': ' || coalesce(a.v, 'none')
                           || ' by channel, ' || coalesce(b.v, 'none') || ' by campaign'
                    FROM (SELECT grain, bucket_start, channel, ROW(impressions, clicks, visits)::text AS v
                          FROM awareness_channel_rollup
                          WHERE impressions <> 0 OR clicks <> 0 OR visits <> 0) a
                    FULL JOIN (SELECT r.grain, r.bucket_start, coalesce(c.channel, 'OTHER') AS channel,
                                      ROW(sum(r.impressions), sum(r.clicks), sum(r.visits))::text AS v
                               FROM awareness_rollup r LEFT JOIN campaign c ON c.campaign_id = r.campaign_id
                               GROUP BY 1, 2, 3
                               HAVING sum(r.impressions) <> 0 OR sum(r.clicks) <> 0 OR sum(r.visits) <> 0) b
                    USING (grain, bucket_start, channel)
                    WHERE a.v IS DISTINCT FROM b.v"""));
            found.addAll(rows("""
                    SELECT 'spend ' || grain || ' ' || bucket_start || ' ' || channel || ': ' || coalesce(a.v::text, 'none')
                           || ' by channel, ' || coalesce(b.v::text, 'none') || ' by campaign'
                    FROM (SELECT grain, bucket_start, channel, amount AS v FROM spend_channel_rollup WHERE amount <> 0) a
                    FULL JOIN (SELECT r.grain, r.bucket_start, coalesce(c.channel, 'OTHER') AS channel, sum(r.amount) AS v
                               FROM spend_rollup r LEFT JOIN campaign c ON c.campaign_id = r.campaign_id
                               GROUP BY 1, 2, 3 HAVING sum(r.amount) <> 0) b
                    USING (grain, bucket_start, channel)
                    WHERE a.v IS DISTINCT FROM b.v"""));
            return found;
        });
    }

    @SuppressWarnings("unchecked")
    private List<String> rows(String sql) {
        return em.createNativeQuery(sql).getResultList();
    }
}
