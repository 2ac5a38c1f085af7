package dev.funnel.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Shares won deals and their revenue among the campaigns that touched each lead, under one model. Every deal
 * is shared out completely (a lead without a campaign touch goes to "unattributed", campaign null), so the
 * shares of all campaigns sum to exactly the total won and the total revenue under every model.
 */
public final class Attribution {

    /** Shares under the linear model keep this many decimals; the last touch gets the rounding remainder. */
    public static final int SHARE_SCALE = 6;

    /**
     * One time a campaign reached the lead.
     *
     * @param order breaks ties between touches at the same instant, so the order never depends on arrival
     */
    public record CampaignTouch(UUID campaignId, Instant at, String order) {

        static final Comparator<CampaignTouch> CHRONOLOGICAL =
                Comparator.comparing(CampaignTouch::at).thenComparing(CampaignTouch::order);

        public CampaignTouch {
            Objects.requireNonNull(campaignId, "campaignId");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(order, "order");
        }
    }

    /** A won lead: its deal's amount and the campaign touches it had, in any order. */
    public record WonLead(BigDecimal amount, List<CampaignTouch> touches) {
    }

    /** What one campaign (null: unattributed) is credited with. */
    public record Share(BigDecimal won, BigDecimal revenue) {

        Share plus(Share o) {
            return new Share(won.add(o.won), revenue.add(o.revenue));
        }
    }

    private Attribution() {
    }

    /** The share of each campaign credited with any deal; the key null stands for unattributed. */
    public static Map<UUID, Share> of(AttributionModel model, List<WonLead> leads) {
        Map<UUID, Share> shares = new HashMap<>();
        for (WonLead lead : leads) {
            List<CampaignTouch> touches = new ArrayList<>(lead.touches());
            touches.sort(CampaignTouch.CHRONOLOGICAL);
            if (touches.isEmpty()) {
                shares.merge(null, new Share(BigDecimal.ONE, lead.amount()), Share::plus);
                continue;
            }
            switch (model) {
                case FIRST_TOUCH -> shares.merge(touches.getFirst().campaignId(),
                        new Share(BigDecimal.ONE, lead.amount()), Share::plus);
                case LAST_TOUCH -> shares.merge(touches.getLast().campaignId(),
                        new Share(BigDecimal.ONE, lead.amount()), Share::plus);
                case LINEAR -> shareEqually(lead.amount(), touches, shares);
            }
        }
        return shares;
    }

    private static void shareEqually(BigDecimal amount, List<CampaignTouch> touches, Map<UUID, Share> shares) {
        BigDecimal n = BigDecimal.valueOf(touches.size());
        // rounded down, so the remainder the last touch takes is never negative
        BigDecimal wonEach = BigDecimal.ONE.divide(n, SHARE_SCALE, RoundingMode.DOWN);
        BigDecimal revenueEach = amount.divide(n, SHARE_SCALE, RoundingMode.DOWN);
        BigDecimal others = BigDecimal.valueOf(touches.size() - 1L);
        for (int i = 0; i < touches.size() - 1; i++) {
            shares.merge(touches.get(i).campaignId(), new Share(wonEach, revenueEach), Share::plus);
        }
        shares.merge(touches.getLast().campaignId(), new Share(
                BigDecimal.ONE.subtract(wonEach.multiply(others)),
                amount.subtract(revenueEach.multiply(others))), Share::plus);
    }
}
