package dev.funnel.analytics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Credits the deals won by the leads created in a window to the campaigns that touched those leads. A lead's
 * touches are the campaign it came from, at its creation, and each campaign it engaged through later.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AttributingRevenue {

    /** The credit of one campaign (campaignId null: unattributed; campaign null when its launch is not known). */
    public record CampaignCredit(UUID campaignId, Campaign campaign, Attribution.Share share) {
    }

    /** What the model credits, with the totals the credits add up to. */
    public record Credits(AttributionModel model, Window window, BigDecimal totalRevenue, long totalWon,
                          List<CampaignCredit> campaigns) {
    }

    @Inject
    EntityManager em;

    public Credits attribute(AttributionModel model, Window window) {
        Map<UUID, Attribution.WonLead> leads = wonLeads(window);
        Map<UUID, Attribution.Share> shares = Attribution.of(model, List.copyOf(leads.values()));
        Map<UUID, Campaign> known = new HashMap<>();
        List<UUID> named = shares.keySet().stream().filter(id -> id != null).toList();
        if (!named.isEmpty()) {
            Campaign.<Campaign>list("campaignId IN ?1", named).forEach(c -> known.put(c.campaignId, c));
        }
        List<CampaignCredit> credits = new ArrayList<>();
        shares.forEach((id, share) -> credits.add(new CampaignCredit(id, known.get(id), share)));
        credits.sort(Comparator.comparing((CampaignCredit c) -> c.share().revenue()).reversed()
                .thenComparing(CampaignCredit::campaignId, Comparator.nullsLast(Comparator.naturalOrder())));
        BigDecimal total = leads.values().stream().map(Attribution.WonLead::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Credits(model, window, total, leads.size(), credits);
    }

    /** The won leads created in the window, each with its campaign touches. */
    private Map<UUID, Attribution.WonLead> wonLeads(Window window) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT f.lead_id, f.won_amount, f.campaign_id, f.created_at, NULL, NULL, NULL
                        FROM lead_fact f
                        WHERE f.won_at IS NOT NULL AND f.created_at >= ?1 AND f.created_at < ?2
                        UNION ALL
                        SELECT t.lead_id, NULL, NULL, NULL, t.event_id, t.campaign_id, t.occurred_at
                        FROM touch t JOIN lead_fact f ON f.lead_id = t.lead_id
                        WHERE f.won_at IS NOT NULL AND f.created_at >= ?1 AND f.created_at < ?2
                            AND t.campaign_id IS NOT NULL""")
                .setParameter(1, window.from())
                .setParameter(2, window.to())
                .getResultList();
        Map<UUID, BigDecimal> amounts = new LinkedHashMap<>();
        Map<UUID, List<Attribution.CampaignTouch>> touches = new HashMap<>();
        for (Object[] row : rows) {
            UUID leadId = uuid(row[0]);
            List<Attribution.CampaignTouch> ofLead = touches.computeIfAbsent(leadId, id -> new ArrayList<>());
            if (row[4] == null) {
                amounts.put(leadId, new BigDecimal(row[1].toString()));
                if (row[2] != null) {
                    // the campaign the lead came from is its first touch on a tie: "" sorts before any event id
                    ofLead.add(new Attribution.CampaignTouch(uuid(row[2]), instant(row[3]), ""));
                }
            } else {
                ofLead.add(new Attribution.CampaignTouch(uuid(row[5]), instant(row[6]), row[4].toString()));
            }
        }
        Map<UUID, Attribution.WonLead> leads = new LinkedHashMap<>();
        amounts.forEach((id, amount) -> leads.put(id, new Attribution.WonLead(amount, touches.get(id))));
        return leads;
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID id ? id : UUID.fromString(value.toString());
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case java.sql.Timestamp t -> t.toInstant();
            case java.time.OffsetDateTime o -> o.toInstant();
            default -> throw new IllegalStateException("unexpected time " + value.getClass());
        };
    }
}
