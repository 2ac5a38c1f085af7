package dev.funnel.sales;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The stored scoring rules: the one row of {@code scoring_rules}, seeded by migration. */
@Entity
@Table(name = "scoring_rules")
public class ScoringRuleSet extends PanacheEntityBase {

    /** There is one rule set per deployment. */
    public static final short ID = 1;

    @Id
    public short id;
    /** Raised at every change; a manager's stale edit is refused by it. */
    @Version
    public long version;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public ScoringRules rules;
    @Column(nullable = false)
    public Instant updatedAt;
    @Column(nullable = false)
    public String updatedBy;

    public static ScoringRuleSet current() {
        return findById(ID);
    }
}
