package dev.funnel.analytics;

import dev.funnel.contracts.Channel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A lead as the funnel counts it: when it was created and where it came from. Nothing personal. */
@Entity
@Table(name = "lead_fact")
public class LeadFact extends PanacheEntityBase {

    @Id
    public UUID leadId;
    public UUID campaignId;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    public Instant createdAt;
    public Instant erasedAt;

    /**
     * Records a new lead. A lead already recorded stays as it is, so a LeadGenerated published again under a
     * new event id changes nothing.
     */
    public static void recordCreated(UUID leadId, UUID campaignId, Channel channel, Instant createdAt) {
        getEntityManager().createQuery("""
                        INSERT INTO LeadFact (leadId, campaignId, channel, createdAt)
                        VALUES (:leadId, :campaignId, :channel, :createdAt)
                        ON CONFLICT (leadId) DO NOTHING""")
                .setParameter("leadId", leadId)
                .setParameter("campaignId", campaignId)
                .setParameter("channel", channel)
                .setParameter("createdAt", createdAt)
                .executeUpdate();
    }

    /** Marks the lead's person as forgotten; the lead keeps counting. The first erasure's time stays. */
    public static void recordErased(UUID leadId, Instant erasedAt) {
        update("erasedAt = ?1 WHERE leadId = ?2 AND erasedAt IS NULL", erasedAt, leadId);
    }

    /** How many leads match the filter, by creation time in {@code [from, to)}. */
    public static long countCreated(FunnelFilter filter) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (filter.from() != null) {
            conditions.add("createdAt >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            conditions.add("createdAt < :to");
            parameters.put("to", filter.to());
        }
        if (filter.campaignId() != null) {
            conditions.add("campaignId = :campaignId");
            parameters.put("campaignId", filter.campaignId());
        }
        if (filter.channel() != null) {
            conditions.add("channel = :channel");
            parameters.put("channel", filter.channel());
        }
        return conditions.isEmpty() ? count() : count(String.join(" AND ", conditions), parameters);
    }
}
