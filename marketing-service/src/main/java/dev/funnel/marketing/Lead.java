package dev.funnel.marketing;

import dev.funnel.contracts.Channel;
import dev.funnel.contracts.lead.LeadGenerated;
import dev.funnel.contracts.lead.Timeline;
import dev.funnel.contracts.lead.Utm;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/**
 * A person marketing captured, unique by normalised email. Read and changed through Hibernate, but a new lead
 * is inserted by {@link NewLeadRows} with its transaction's others: a new column goes into its list too
 * (LeadCaptureTest posts every field and reads each back).
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
    public String utmSource;
    public String utmMedium;
    public String utmCampaign;
    public String utmTerm;
    public String utmContent;
    public Boolean marketingConsent;
    /**
     * Free-form answers of the form. Replaced whole (or erased), never changed in place: so Hibernate need not
     * copy the map (through JSON) to find out later whether it changed.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public Map<String, String> attributes;
    public UUID referredBy;
    @Column(nullable = false)
    public Instant createdAt;
    public Instant erasedAt;

    /**
     * Removes the person: email, names, phone, company, job title and the free-form attributes (which
     * forms fill with anything). The email's uniqueness goes with it, so the person may sign up again.
     */
    public void erasePersonalData(Instant at) {
        email = null;
        firstName = null;
        lastName = null;
        phone = null;
        company = null;
        jobTitle = null;
        attributes = null;
        erasedAt = at;
    }

    public Utm utm() {
        if (utmSource == null && utmMedium == null && utmCampaign == null && utmTerm == null && utmContent == null) {
            return null;
        }
        return new Utm(utmSource, utmMedium, utmCampaign, utmTerm, utmContent);
    }

    /** The fact of this lead's capture, as the event other services learn it from. */
    public LeadGenerated generated() {
        return new LeadGenerated(id, email, firstName, lastName, company, jobTitle, phone, country, companySize,
                budget, currency, timeline, campaignId, channel, utm(), marketingConsent, attributes, referredBy,
                createdAt);
    }
}
