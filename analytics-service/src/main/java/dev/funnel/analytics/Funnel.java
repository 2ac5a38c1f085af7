package dev.funnel.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;

/**
 * One funnel: the counts of each stage and the ratios between them, fields in the order of the API.
 * Counts are whole numbers; money is in the deployment's reporting currency.
 *
 * <p>Rounding, HALF_UP throughout: ratios ({@code ctr}, {@code visitToLead}, {@code leadToQualified},
 * {@code qualifiedToWon}, {@code winRate}, {@code roas}, {@code roi}) to 4 decimals, so 0.1234 is 12.34 %;
 * money per unit ({@code avgDealSize}, {@code costPerLead}, {@code cac}) to 2 decimals, the currency's
 * minor unit; {@code avgSalesCycleDays} to 1 decimal. BigDecimal rather than double so that money stays
 * exact and the JSON shows no binary noise. A ratio whose denominator is 0 is null: there is no figure,
 * and 0 would be a false one.
 */
public record Funnel(
        long impressions,
        long clicks,
        long visits,
        long leads,
        long qualified,
        long contacted,
        long proposals,
        long negotiations,
        long won,
        long lost,
        BigDecimal revenue,
        BigDecimal spend,
        BigDecimal ctr,
        BigDecimal visitToLead,
        BigDecimal leadToQualified,
        BigDecimal qualifiedToWon,
        BigDecimal winRate,
        BigDecimal avgDealSize,
        BigDecimal avgSalesCycleDays,
        BigDecimal costPerLead,
        BigDecimal cac,
        BigDecimal roas,
        BigDecimal roi) {

    static final int RATIO_SCALE = 4;
    static final int MONEY_SCALE = 2;
    static final int DAYS_SCALE = 1;
    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(Duration.ofDays(1).toSeconds());

    /**
     * What was counted in one scope, before any ratio.
     *
     * @param qualified      leads that ever reached that stage, whatever came later; likewise contacted,
     *                       proposals, negotiations
     * @param revenue        the sum of won amounts
     * @param wonSalesCycles the time from creation to won, added up over the won leads
     */
    public record Counts(long impressions, long clicks, long visits, long leads, long qualified, long contacted,
                         long proposals, long negotiations, long won, long lost, BigDecimal revenue,
                         BigDecimal spend, Duration wonSalesCycles) {

        /** Nothing counted: the identity of {@link #plus}. */
        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                BigDecimal.ZERO, BigDecimal.ZERO, Duration.ZERO);

        public Counts {
            Objects.requireNonNull(revenue, "revenue");
            Objects.requireNonNull(spend, "spend");
            Objects.requireNonNull(wonSalesCycles, "wonSalesCycles");
        }

        /** The counts of two disjoint scopes together. */
        public Counts plus(Counts o) {
            return new Counts(impressions + o.impressions, clicks + o.clicks, visits + o.visits, leads + o.leads,
                    qualified + o.qualified, contacted + o.contacted, proposals + o.proposals,
                    negotiations + o.negotiations, won + o.won, lost + o.lost, revenue.add(o.revenue),
                    spend.add(o.spend), wonSalesCycles.plus(o.wonSalesCycles));
        }

        /** What changed from {@code before} to these counts: added to a rollup, it turns one into the other. */
        public Counts minus(Counts before) {
            return new Counts(impressions - before.impressions, clicks - before.clicks, visits - before.visits,
                    leads - before.leads, qualified - before.qualified, contacted - before.contacted,
                    proposals - before.proposals, negotiations - before.negotiations, won - before.won,
                    lost - before.lost, revenue.subtract(before.revenue), spend.subtract(before.spend),
                    wonSalesCycles.minus(before.wonSalesCycles));
        }
    }

    /** The funnel of these counts, every ratio derived by its definition in the API. */
    public static Funnel of(Counts c) {
        BigDecimal revenue = c.revenue().setScale(MONEY_SCALE, RoundingMode.HALF_UP);
        BigDecimal spend = c.spend().setScale(MONEY_SCALE, RoundingMode.HALF_UP);
        return new Funnel(c.impressions(), c.clicks(), c.visits(), c.leads(), c.qualified(), c.contacted(),
                c.proposals(), c.negotiations(), c.won(), c.lost(), revenue, spend,
                ratio(c.clicks(), c.impressions()),
                ratio(c.leads(), c.visits()),
                ratio(c.qualified(), c.leads()),
                ratio(c.won(), c.qualified()),
                ratio(c.won(), c.won() + c.lost()),
                perUnit(revenue, c.won()),
                averageDays(c.wonSalesCycles(), c.won()),
                perUnit(spend, c.leads()),
                perUnit(spend, c.won()),
                divide(revenue, spend, RATIO_SCALE),
                divide(revenue.subtract(spend), spend, RATIO_SCALE));
    }

    private static BigDecimal ratio(long part, long whole) {
        return divide(BigDecimal.valueOf(part), BigDecimal.valueOf(whole), RATIO_SCALE);
    }

    private static BigDecimal perUnit(BigDecimal amount, long units) {
        return divide(amount, BigDecimal.valueOf(units), MONEY_SCALE);
    }

    private static BigDecimal averageDays(Duration total, long won) {
        return divide(BigDecimal.valueOf(total.toSeconds()), SECONDS_PER_DAY.multiply(BigDecimal.valueOf(won)), DAYS_SCALE);
    }

    private static BigDecimal divide(BigDecimal dividend, BigDecimal divisor, int scale) {
        return divisor.signum() == 0 ? null : dividend.divide(divisor, scale, RoundingMode.HALF_UP);
    }
}
