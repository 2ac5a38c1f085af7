package dev.funnel.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.analytics.Attribution.CampaignTouch;
import dev.funnel.analytics.Attribution.Share;
import dev.funnel.analytics.Attribution.WonLead;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AttributionTest {

    private static final UUID SEARCH = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID EMAIL = UUID.fromString("00000000-0000-4000-8000-000000000002");
    private static final UUID SOCIAL = UUID.fromString("00000000-0000-4000-8000-000000000003");

    private static CampaignTouch touch(UUID campaign, String at, String order) {
        return new CampaignTouch(campaign, Instant.parse(at), order);
    }

    /** Lead A: SEARCH, then EMAIL, then SOCIAL, won 1000. Lead B: EMAIL alone, won 200. Lead C: none, won 50. */
    private static final List<WonLead> LEADS = List.of(
            // touches listed out of order on purpose: the model orders them by time
            new WonLead(new BigDecimal("1000.00"), List.of(
                    touch(SOCIAL, "2030-01-05T00:00:00Z", "c"),
                    touch(SEARCH, "2030-01-01T00:00:00Z", ""),
                    touch(EMAIL, "2030-01-03T00:00:00Z", "b"))),
            new WonLead(new BigDecimal("200.00"), List.of(touch(EMAIL, "2030-01-02T00:00:00Z", ""))),
            new WonLead(new BigDecimal("50.00"), List.of()));

    private static void assertSumsToTheTotals(Map<UUID, Share> shares) {
        assertThat(shares.values().stream().map(Share::won).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("3");
        assertThat(shares.values().stream().map(Share::revenue).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("1250.00");
    }

    @Test
    void firstTouchCreditsTheEarliestCampaign() {
        Map<UUID, Share> shares = Attribution.of(AttributionModel.FIRST_TOUCH, LEADS);

        assertThat(shares).containsOnlyKeys(SEARCH, EMAIL, null);
        assertThat(shares.get(SEARCH)).isEqualTo(new Share(BigDecimal.ONE, new BigDecimal("1000.00")));
        assertThat(shares.get(EMAIL)).isEqualTo(new Share(BigDecimal.ONE, new BigDecimal("200.00")));
        assertThat(shares.get(null)).isEqualTo(new Share(BigDecimal.ONE, new BigDecimal("50.00")));
        assertSumsToTheTotals(shares);
    }

    @Test
    void lastTouchCreditsTheLatestCampaign() {
        Map<UUID, Share> shares = Attribution.of(AttributionModel.LAST_TOUCH, LEADS);

        assertThat(shares).containsOnlyKeys(SOCIAL, EMAIL, null);
        assertThat(shares.get(SOCIAL).revenue()).isEqualByComparingTo("1000.00");
        assertThat(shares.get(EMAIL).revenue()).isEqualByComparingTo("200.00");
        assertSumsToTheTotals(shares);
    }

    @Test
    void linearSplitsEquallyAndGivesTheRoundingRemainderToTheLastTouch() {
        Map<UUID, Share> shares = Attribution.of(AttributionModel.LINEAR, LEADS);

        // 1000 / 3 = 333.333333 each to SEARCH and EMAIL, 333.333334 to SOCIAL; 1 / 3 likewise
        assertThat(shares.get(SEARCH)).isEqualTo(new Share(new BigDecimal("0.333333"), new BigDecimal("333.333333")));
        assertThat(shares.get(SOCIAL)).isEqualTo(new Share(new BigDecimal("0.333334"), new BigDecimal("333.333334")));
        // EMAIL: a third of lead A, all of lead B
        assertThat(shares.get(EMAIL).won()).isEqualByComparingTo("1.333333");
        assertThat(shares.get(EMAIL).revenue()).isEqualByComparingTo("533.333333");
        assertThat(shares.get(null).revenue()).isEqualByComparingTo("50.00");
        assertSumsToTheTotals(shares);
    }

    @Test
    void twoTouchesOfOneCampaignBothCountForIt() {
        List<WonLead> leads = List.of(new WonLead(new BigDecimal("90"), List.of(
                touch(SEARCH, "2030-01-01T00:00:00Z", ""), touch(SEARCH, "2030-01-02T00:00:00Z", "a"),
                touch(EMAIL, "2030-01-03T00:00:00Z", "b"))));

        Map<UUID, Share> shares = Attribution.of(AttributionModel.LINEAR, leads);

        assertThat(shares.get(SEARCH).revenue()).isEqualByComparingTo("60");
        assertThat(shares.get(EMAIL).revenue()).isEqualByComparingTo("30");
    }

    @Test
    void touchesAtTheSameInstantAreOrderedByTheirTieBreakNotByArrival() {
        List<CampaignTouch> touches = List.of(touch(EMAIL, "2030-01-01T00:00:00Z", "b"),
                touch(SEARCH, "2030-01-01T00:00:00Z", ""));

        assertThat(Attribution.of(AttributionModel.FIRST_TOUCH, List.of(new WonLead(BigDecimal.TEN, touches))))
                .containsOnlyKeys(SEARCH);
        assertThat(Attribution.of(AttributionModel.FIRST_TOUCH,
                List.of(new WonLead(BigDecimal.TEN, touches.reversed())))).containsOnlyKeys(SEARCH);
    }

    @Test
    void noWonLeadsCreditNobody() {
        assertThat(Attribution.of(AttributionModel.LINEAR, List.of())).isEmpty();
    }
}
