package dev.funnel.sales;

import dev.funnel.contracts.TimeOrderedIds;
import dev.funnel.contracts.pipeline.FollowUpKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A call, email, meeting or check-in scheduled with a lead, open until it is completed with an outcome. */
@Entity
@Table(name = "follow_up")
public class FollowUp extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(nullable = false)
    public UUID leadId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FollowUpKind kind;
    /** The rep who is to do it; null when nobody owns it. */
    public UUID ownerId;
    @Column(nullable = false)
    public Instant dueAt;
    public String note;
    @Column(nullable = false)
    public String createdBy;
    @Column(nullable = false)
    public Instant createdAt;
    public Instant completedAt;
    public String completedBy;
    public String outcome;
    /**
     * Two reps completing it at once cannot both succeed. Null until first stored: a new follow-up, which
     * brings its own id, is then known new without a query to check.
     */
    @Version
    public Long version;

    public static FollowUp schedule(UUID leadId, FollowUpKind kind, UUID ownerId, Instant dueAt, String note,
                                    String by, Instant at) {
        FollowUp followUp = new FollowUp();
        followUp.id = TimeOrderedIds.next();
        followUp.leadId = leadId;
        followUp.kind = kind;
        followUp.ownerId = ownerId;
        followUp.dueAt = dueAt;
        followUp.note = note;
        followUp.createdBy = by;
        followUp.createdAt = at;
        return followUp;
    }

    public boolean completed() {
        return completedAt != null;
    }

    /** The lead's follow-ups, soonest due first. */
    public static List<FollowUp> of(UUID leadId) {
        return list("leadId = ?1 ORDER BY dueAt, id", leadId);
    }
}
