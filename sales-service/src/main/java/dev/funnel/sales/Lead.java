package dev.funnel.sales;

import dev.funnel.contracts.Channel;
import dev.funnel.contracts.lead.LeadGenerated;
import dev.funnel.contracts.lead.Timeline;
import dev.funnel.contracts.pipeline.LossReason;
import dev.funnel.contracts.pipeline.PipelineStage;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/**
 * A lead as sales works it: who it is, where it came from, its score, its owner and its stage in the
 * pipeline. Versioned, so two moves of the same lead at once cannot both succeed.
 *
 * <p>A new lead is inserted by {@link NewLeads}, not by Hibernate: a column added here goes into its list too.
 */
@Entity
@Table(name = "lead")
public class Lead extends PanacheEntityBase {

    @Id
    public UUID id;
    public String email;
    public String firstName;
    public String lastName;
    public String company;
    public String jobTitle;
    public String phone;
    public String country;
    public Integer companySize;
    public BigDecimal budget;
    public String currency;
    @Enumerated(EnumType.STRING)
    public Timeline timeline;
    public UUID campaignId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PipelineStage stage;
    /** Times the lead came in through a campaign: the first capture plus every later touch. */
    public int touches;
    /** The latest score; null until the lead was scored. */
    public Integer score;
    /**
     * Which rule gave how many points to {@link #score}. Replaced whole, never changed in place: so Hibernate
     * need not copy it (through JSON) to find out later whether it changed.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<Score.Line> scoreBreakdown;
    /** The threshold of the rules that last scored the lead. */
    public Integer threshold;
    /** The version of the scoring rules that last scored the lead. */
    public Long rulesVersion;
    /** The rep who works the lead; null while nobody does. */
    public UUID ownerId;
    /** The deal's value once won, in {@link #amountCurrency}. */
    public BigDecimal amount;
    public String amountCurrency;
    @Enumerated(EnumType.STRING)
    public LossReason lossReason;
    /** When marketing captured the lead. */
    @Column(nullable = false)
    public Instant createdAt;
    /** When sales learned of it. */
    @Column(nullable = false)
    public Instant receivedAt;
    /** When it entered its current stage. */
    public Instant stageChangedAt;
    public Instant erasedAt;
    /** Null until first stored: a new entity with its own id is then known new without a query to check. */
    @Version
    public Long version;

    /** A new lead at stage {@code NEW}, from marketing's event. */
    public static Lead from(LeadGenerated generated, Instant receivedAt) {
        Lead lead = new Lead();
        lead.id = generated.leadId();
        lead.email = generated.email();
        lead.firstName = generated.firstName();
        lead.lastName = generated.lastName();
        lead.company = generated.company();
        lead.jobTitle = generated.jobTitle();
        lead.phone = generated.phone();
        lead.country = generated.country();
        lead.companySize = generated.companySize();
        lead.budget = generated.budget();
        lead.currency = generated.currency();
        lead.timeline = generated.timeline();
        lead.campaignId = generated.campaignId();
        lead.channel = generated.channel();
        lead.stage = PipelineStage.NEW;
        lead.touches = 1;
        lead.createdAt = generated.createdAt();
        lead.receivedAt = receivedAt;
        lead.stageChangedAt = receivedAt;
        return lead;
    }

    /** What scoring looks at. */
    public LeadProfile profile() {
        return new LeadProfile(jobTitle, companySize, budget, timeline, channel, touches);
    }

    /** Keeps a score and its breakdown as the lead's current one. */
    public void scored(Score score, long rulesVersion) {
        this.score = score.total();
        this.scoreBreakdown = score.breakdown();
        this.threshold = score.threshold();
        this.rulesVersion = rulesVersion;
    }

    /** Removes the person (email, names, phone, company, title) for good; the anonymous facts stay. */
    public void erase(Instant at) {
        email = null;
        firstName = null;
        lastName = null;
        phone = null;
        company = null;
        jobTitle = null;
        erasedAt = at;
    }
}
