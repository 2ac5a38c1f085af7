package dev.funnel.analytics;

import dev.funnel.contracts.Channel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A known lead came back through a campaign: one touch, for multi-touch attribution. */
@Entity
@Table(name = "touch")
public class Touch extends PanacheEntityBase {

    /** The LeadEngaged event's id: one touch per event. */
    @Id
    public UUID eventId;
    public UUID leadId;
    public UUID campaignId;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    public Instant occurredAt;

    public static Touch of(UUID eventId, UUID leadId, UUID campaignId, Channel channel, Instant occurredAt) {
        Touch touch = new Touch();
        touch.eventId = eventId;
        touch.leadId = leadId;
        touch.campaignId = campaignId;
        touch.channel = channel;
        touch.occurredAt = occurredAt;
        return touch;
    }
}
