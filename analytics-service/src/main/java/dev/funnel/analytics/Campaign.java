package dev.funnel.analytics;

import dev.funnel.contracts.Channel;
import dev.funnel.contracts.campaign.CampaignStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A campaign as marketing last described it: the name, channel and budget its figures are shown with. */
@Entity
@Table(name = "campaign")
public class Campaign extends PanacheEntityBase {

    @Id
    public UUID campaignId;
    public String name;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    public BigDecimal budget;
    public String currency;
    @Enumerated(EnumType.STRING)
    public CampaignStatus status;
    /** The time of the event this row reflects. */
    public Instant changedAt;

    /**
     * Records a launch. The channel is only ever set here; the changeable state only when no later change
     * has been recorded, so a change that arrived first is not overwritten.
     */
    public static void recordLaunched(UUID campaignId, String name, Channel channel, BigDecimal budget,
                                      String currency, CampaignStatus status, Instant launchedAt) {
        getEntityManager().createNativeQuery("""
                        INSERT INTO campaign (campaign_id, name, channel, budget, currency, status, changed_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        ON CONFLICT (campaign_id) DO UPDATE SET
                            channel = EXCLUDED.channel,
                            name = CASE WHEN campaign.changed_at < EXCLUDED.changed_at THEN EXCLUDED.name ELSE campaign.name END,
                            budget = CASE WHEN campaign.changed_at < EXCLUDED.changed_at THEN EXCLUDED.budget ELSE campaign.budget END,
                            currency = CASE WHEN campaign.changed_at < EXCLUDED.changed_at THEN EXCLUDED.currency ELSE campaign.currency END,
                            status = CASE WHEN campaign.changed_at < EXCLUDED.changed_at THEN EXCLUDED.status ELSE campaign.status END,
                            changed_at = GREATEST(campaign.changed_at, EXCLUDED.changed_at)""")
                .setParameter(1, campaignId)
                .setParameter(2, name)
                .setParameter(3, channel.name())
                .setParameter(4, budget)
                .setParameter(5, currency)
                .setParameter(6, status.name())
                .setParameter(7, launchedAt)
                .executeUpdate();
    }

    /** The channel the campaign's awareness and spend count under now: OTHER until its launch is known. */
    public static Channel channelOf(UUID campaignId) {
        Campaign campaign = findById(campaignId);
        return campaign == null ? Channel.OTHER : campaign.channel;
    }

    /**
     * Records a change unless a later one is recorded. A change before its launch (never in order, but a
     * republished launch may follow it) files the campaign under OTHER until the launch names its channel.
     */
    public static void recordChanged(UUID campaignId, String name, BigDecimal budget, String currency,
                                     CampaignStatus status, Instant changedAt) {
        getEntityManager().createNativeQuery("""
                        INSERT INTO campaign (campaign_id, name, channel, budget, currency, status, changed_at)
                        VALUES (?1, ?2, 'OTHER', ?3, ?4, ?5, ?6)
                        ON CONFLICT (campaign_id) DO UPDATE SET
                            name = EXCLUDED.name, budget = EXCLUDED.budget, currency = EXCLUDED.currency,
                            status = EXCLUDED.status, changed_at = EXCLUDED.changed_at
                        WHERE campaign.changed_at <= EXCLUDED.changed_at""")
                .setParameter(1, campaignId)
                .setParameter(2, name)
                .setParameter(3, budget)
                .setParameter(4, currency)
                .setParameter(5, status.name())
                .setParameter(6, changedAt)
                .executeUpdate();
    }
}
