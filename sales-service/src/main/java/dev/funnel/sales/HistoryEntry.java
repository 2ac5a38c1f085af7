package dev.funnel.sales;

import dev.funnel.contracts.Channel;
import dev.funnel.contracts.pipeline.LossReason;
import dev.funnel.contracts.pipeline.PipelineStage;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One line of a lead's history: a stage move with who, when and the note; a touch; a referral it made.
 * Moves and touches are inserted by {@link LeadHistory}, not by Hibernate: a column added here goes into its
 * list too.
 */
@Entity
@Table(name = "lead_history")
public class HistoryEntry extends PanacheEntityBase {

    /** What happened to the lead. */
    public enum Kind {
        /** It moved between stages. */
        MOVE,
        /** It came in, or came back, through a campaign. */
        TOUCH,
        /** As a won customer, it referred a new lead. */
        REFERRAL
    }

    /** Drawn in blocks of 50 (see migration V4): persisting an entry costs no statement of its own at once. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lead_history_id_seq")
    @SequenceGenerator(name = "lead_history_id_seq", sequenceName = "lead_history_id_seq", allocationSize = 50)
    public Long id;
    @Column(nullable = false)
    public UUID leadId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;
    @Enumerated(EnumType.STRING)
    public PipelineStage fromStage;
    @Enumerated(EnumType.STRING)
    public PipelineStage toStage;
    @Column(name = "moved_by")
    public String by;
    public String note;
    public BigDecimal amount;
    public String currency;
    @Enumerated(EnumType.STRING)
    public LossReason lossReason;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    public UUID campaignId;
    public UUID referredLeadId;
    @Column(nullable = false)
    public Instant occurredAt;

    /** A move, with the deal's currency when it carries an amount. */
    public static HistoryEntry move(Lead lead, PipelineStage from, Move move, String currency, Instant at) {
        HistoryEntry entry = new HistoryEntry();
        entry.leadId = lead.id;
        entry.kind = Kind.MOVE;
        entry.fromStage = from;
        entry.toStage = move.to();
        entry.by = move.by();
        entry.note = move.note();
        entry.amount = move.amount();
        entry.currency = move.amount() == null ? null : currency;
        entry.lossReason = move.reason();
        entry.occurredAt = at;
        return entry;
    }

    public static HistoryEntry touch(UUID leadId, Channel channel, UUID campaignId, Instant at) {
        HistoryEntry entry = new HistoryEntry();
        entry.leadId = leadId;
        entry.kind = Kind.TOUCH;
        entry.channel = channel;
        entry.campaignId = campaignId;
        entry.occurredAt = at;
        return entry;
    }

    public static HistoryEntry referral(UUID leadId, UUID referredLeadId, String by, Instant at) {
        HistoryEntry entry = new HistoryEntry();
        entry.leadId = leadId;
        entry.kind = Kind.REFERRAL;
        entry.referredLeadId = referredLeadId;
        entry.by = by;
        entry.occurredAt = at;
        return entry;
    }

    /** The lead's history, oldest first. */
    public static List<HistoryEntry> of(UUID leadId) {
        return list("leadId = ?1 ORDER BY occurredAt, id", leadId);
    }
}
