package dev.funnel.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SalesOddsTest {

    private static final List<String> PIPELINE = List.of("CONTACTED", "PROPOSAL", "NEGOTIATION", "WON");

    private final List<Deal> deals = draw(10_000);

    @Test
    void everyDealFollowsThePipelineToWonOrLost() {
        for (Deal deal : deals) {
            List<Deal.Move> moves = deal.moves();
            for (int i = 0; i < moves.size() - 1; i++) {
                assertThat(moves.get(i).to()).isEqualTo(PIPELINE.get(i));
            }
            assertThat(deal.last().to()).isIn("WON", "LOST");
            if (deal.won()) {
                assertThat(moves).hasSize(4);
                assertThat(deal.last().amount()).isBetween(new BigDecimal("1000"), new BigDecimal("500000"));
                assertThat(deal.last().amount().scale()).isEqualTo(2);
            } else {
                assertThat(deal.last().reason()).isIn("PRICE", "COMPETITOR", "NO_BUDGET", "NO_DECISION", "TIMING", "OTHER");
                assertThat(deal.referral()).isNull();
            }
        }
    }

    @Test
    void aboutOneQualifiedLeadInFiveIsWon() {
        double won = (double) deals.stream().filter(Deal::won).count() / deals.size();

        assertThat(won).isBetween(0.18, 0.24); // 0.9 x 0.55 x 0.65 x 0.65
    }

    @Test
    void wonDealsCloseInTwoToSixWeeks() {
        List<Double> cycles = deals.stream().filter(Deal::won)
                .map(d -> d.moves().stream().mapToDouble(Deal.Move::afterDays).sum()).sorted().toList();

        assertThat(cycles.get(0)).isGreaterThanOrEqualTo(10.2);
        assertThat(cycles.get(cycles.size() - 1)).isLessThanOrEqualTo(34);
        assertThat(cycles.get(cycles.size() / 2)).isBetween(18.0, 26.0);
    }

    @Test
    void dealSizesCentreOnTwelveThousandWithALongTail() {
        List<BigDecimal> amounts = deals.stream().filter(Deal::won).map(d -> d.last().amount()).sorted().toList();

        assertThat(amounts.get(amounts.size() / 2)).isBetween(new BigDecimal("8000"), new BigDecimal("20000"));
        assertThat(amounts.get(amounts.size() * 95 / 100)).isGreaterThan(new BigDecimal("30000"));
    }

    @Test
    void noDecisionIsTheCommonestReasonToLoseEarlyAndPriceOrACompetitorLate() {
        long early = lostAt(1, "NO_DECISION");
        long earlyPrice = lostAt(1, "PRICE");
        long late = lostAt(4, "PRICE") + lostAt(4, "COMPETITOR");
        long lateNoBudget = lostAt(4, "NO_BUDGET");

        assertThat(early).isGreaterThan(earlyPrice);
        assertThat(late).isGreaterThan(lateNoBudget);
    }

    @Test
    void aboutOneWonCustomerInFiveRefersSomeoneWhoseDealReferNoFurther() {
        List<Deal> won = deals.stream().filter(Deal::won).toList();
        List<Deal> referring = won.stream().filter(d -> d.referral() != null).toList();

        assertThat((double) referring.size() / won.size()).isBetween(0.15, 0.25);
        assertThat(referring).allSatisfy(d -> assertThat(d.referral().deal().referral()).isNull());
    }

    /** Deals lost as their {@code moves}-th move: 1 before contact, 4 in negotiation. */
    private long lostAt(int moves, String reason) {
        return deals.stream().filter(d -> !d.won() && d.moves().size() == moves && reason.equals(d.last().reason())).count();
    }

    private static List<Deal> draw(int count) {
        Dice dice = new Dice(5);
        Prospects prospects = new Prospects(dice);
        List<Deal> drawn = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            drawn.add(SalesOdds.draw(dice, prospects.next(), prospects::next));
        }
        return drawn;
    }
}
