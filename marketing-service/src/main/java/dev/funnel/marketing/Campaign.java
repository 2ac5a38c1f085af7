package dev.funnel.marketing;

import dev.funnel.contracts.Channel;
import dev.funnel.contracts.campaign.CampaignChanged;
import dev.funnel.contracts.campaign.CampaignLaunched;
import dev.funnel.contracts.campaign.CampaignStatus;
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
import java.time.LocalDate;
import java.util.UUID;

/** A campaign: a channel, a budget, the days it runs, and whether it is running. */
@Entity
@Table(name = "campaign")
public class Campaign extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;
    @Column(nullable = false)
    public BigDecimal budget;
    @Column(nullable = false)
    public String currency;
    @Column(nullable = false)
    public LocalDate startsOn;
    public LocalDate endsOn;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CampaignStatus status;
    @Column(nullable = false)
    public Instant createdAt;
    @Version
    public long version;

    public CampaignLaunched launched() {
        return new CampaignLaunched(id, name, channel, budget, currency, startsOn, endsOn, status, createdAt);
    }

    public CampaignChanged changed(Instant at) {
        return new CampaignChanged(id, name, budget, currency, status, at);
    }
}
