package dev.funnel.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FunnelTest {

    private static final BigDecimal NONE = BigDecimal.ZERO;

    private static Funnel.Counts counts(long impressions, long clicks, long visits, long leads, long qualified,
                                        long won, long lost, String revenue, String spend, Duration cycles) {
        return new Funnel.Counts(impressions, clicks, visits, leads, qualified, 0, 0, 0, won, lost,
                new BigDecimal(revenue), new BigDecimal(spend), cycles);
    }

    @Test
    void everyRatioFollowsItsDefinition() {
        Funnel funnel = Funnel.of(counts(1000, 50, 40, 10, 4, 1, 2, "3000", "1200", Duration.ofDays(30)));

        assertThat(funnel.ctr()).isEqualByComparingTo("0.05");               // 50 / 1000
        assertThat(funnel.visitToLead()).isEqualByComparingTo("0.25");       // 10 / 40
        assertThat(funnel.leadToQualified()).isEqualByComparingTo("0.4");    // 4 / 10
        assertThat(funnel.qualifiedToWon()).isEqualByComparingTo("0.25");    // 1 / 4
        assertThat(funnel.winRate()).isEqualByComparingTo("0.3333");         // 1 / (1 + 2)
        assertThat(funnel.avgDealSize()).isEqualByComparingTo("3000");       // 3000 / 1
        assertThat(funnel.avgSalesCycleDays()).isEqualByComparingTo("30");   // 30 days / 1
        assertThat(funnel.costPerLead()).isEqualByComparingTo("120");        // 1200 / 10
        assertThat(funnel.cac()).isEqualByComparingTo("1200");               // 1200 / 1
        assertThat(funnel.roas()).isEqualByComparingTo("2.5");               // 3000 / 1200
        assertThat(funnel.roi()).isEqualByComparingTo("1.5");                // (3000 - 1200) / 1200
    }

    @Test
    void countsAndMoneyArePassedThrough() {
        Funnel funnel = Funnel.of(new Funnel.Counts(1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
                new BigDecimal("11.5"), new BigDecimal("12"), Duration.ZERO));

        assertThat(funnel).extracting(Funnel::impressions, Funnel::clicks, Funnel::visits, Funnel::leads,
                        Funnel::qualified, Funnel::contacted, Funnel::proposals, Funnel::negotiations,
                        Funnel::won, Funnel::lost)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(funnel.revenue()).isEqualTo(new BigDecimal("11.50"));
        assertThat(funnel.spend()).isEqualTo(new BigDecimal("12.00"));
    }

    @Test
    void ratiosAreRoundedHalfUpToFourDecimalsAndMoneyToCents() {
        Funnel funnel = Funnel.of(counts(3, 2, 3, 3, 2, 2, 1, "100", "7", Duration.ofHours(36)));

        assertThat(funnel.ctr()).isEqualTo(new BigDecimal("0.6667"));        // 2 / 3
        assertThat(funnel.winRate()).isEqualTo(new BigDecimal("0.6667"));    // 2 / 3
        assertThat(funnel.costPerLead()).isEqualTo(new BigDecimal("2.33"));  // 7 / 3
        assertThat(funnel.cac()).isEqualTo(new BigDecimal("3.50"));          // 7 / 2
        assertThat(funnel.avgSalesCycleDays()).isEqualTo(new BigDecimal("0.8")); // 1.5 days / 2 = 0.75
        assertThat(funnel.roi()).isEqualTo(new BigDecimal("13.2857"));       // 93 / 7
    }

    @Test
    void lossMakesRoiNegative() {
        Funnel funnel = Funnel.of(counts(0, 0, 0, 0, 0, 1, 0, "50", "200", Duration.ZERO));

        assertThat(funnel.roas()).isEqualTo(new BigDecimal("0.2500"));
        assertThat(funnel.roi()).isEqualTo(new BigDecimal("-0.7500"));
    }

    @Test
    void everyRatioWhoseDenominatorIsZeroIsNull() {
        Funnel funnel = Funnel.of(counts(0, 0, 0, 0, 0, 0, 0, "0", "0", Duration.ZERO));

        assertThat(funnel.ctr()).isNull();
        assertThat(funnel.visitToLead()).isNull();
        assertThat(funnel.leadToQualified()).isNull();
        assertThat(funnel.qualifiedToWon()).isNull();
        assertThat(funnel.winRate()).isNull();
        assertThat(funnel.avgDealSize()).isNull();
        assertThat(funnel.avgSalesCycleDays()).isNull();
        assertThat(funnel.costPerLead()).isNull();
        assertThat(funnel.cac()).isNull();
        assertThat(funnel.roas()).isNull();
        assertThat(funnel.roi()).isNull();
    }

    @Test
    void eachRatioIsNullOnlyForItsOwnZeroDenominator() {
        // numerators non-zero, one denominator zero at a time
        assertThat(Funnel.of(counts(0, 5, 5, 5, 5, 5, 5, "1", "1", Duration.ofDays(1))).ctr()).isNull();
        assertThat(Funnel.of(counts(5, 5, 0, 5, 5, 5, 5, "1", "1", Duration.ofDays(1))).visitToLead()).isNull();
        Funnel noLeads = Funnel.of(counts(5, 5, 5, 0, 5, 5, 5, "1", "1", Duration.ofDays(1)));
        assertThat(noLeads.leadToQualified()).isNull();
        assertThat(noLeads.costPerLead()).isNull();
        assertThat(noLeads.ctr()).isNotNull();
        assertThat(Funnel.of(counts(5, 5, 5, 5, 0, 5, 5, "1", "1", Duration.ofDays(1))).qualifiedToWon()).isNull();
        Funnel noWins = Funnel.of(counts(5, 5, 5, 5, 5, 0, 5, "1", "1", Duration.ofDays(1)));
        assertThat(noWins.winRate()).isEqualByComparingTo("0");              // 0 / (0 + 5): a real zero
        assertThat(noWins.avgDealSize()).isNull();
        assertThat(noWins.avgSalesCycleDays()).isNull();
        assertThat(noWins.cac()).isNull();
        Funnel noSpend = Funnel.of(counts(5, 5, 5, 5, 5, 5, 5, "1", "0", Duration.ofDays(1)));
        assertThat(noSpend.roas()).isNull();
        assertThat(noSpend.roi()).isNull();
        assertThat(noSpend.costPerLead()).isEqualByComparingTo("0");         // free leads: 0 / 5
    }

    @Test
    void leadsAloneGiveOnlyTheRatiosTheyCanSupport() {
        Funnel funnel = Funnel.of(counts(0, 0, 0, 7, 0, 0, 0, "0", "0", Duration.ZERO));

        assertThat(funnel.leads()).isEqualTo(7);
        assertThat(funnel.leadToQualified()).isEqualByComparingTo("0");
        assertThat(funnel.costPerLead()).isEqualByComparingTo("0");
        assertThat(funnel.visitToLead()).isNull();
        assertThat(funnel.winRate()).isNull();
    }
}
