package dev.funnel.marketing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The impressions, clicks and visits of one campaign in one hour, from one posted batch. Kept as
 * posted (never merged with other batches), so each row is exactly one published event.
 */
@Entity
@Table(name = "awareness_hour")
public class AwarenessHour extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(nullable = false)
    public UUID campaignId;
    @Column(nullable = false)
    public Instant hour;
    @Column(nullable = false)
    public long impressions;
    @Column(nullable = false)
    public long clicks;
    @Column(nullable = false)
    public long visits;
    @Column(nullable = false)
    public Instant recordedAt;
}
