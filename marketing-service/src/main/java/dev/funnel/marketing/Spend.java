package dev.funnel.marketing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Money spent on a campaign on a given day. */
@Entity
@Table(name = "spend")
public class Spend extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(nullable = false)
    public UUID campaignId;
    @Column(nullable = false)
    public BigDecimal amount;
    @Column(nullable = false)
    public String currency;
    @Column(nullable = false)
    public LocalDate spentOn;
    @Column(nullable = false)
    public Instant recordedAt;
}
