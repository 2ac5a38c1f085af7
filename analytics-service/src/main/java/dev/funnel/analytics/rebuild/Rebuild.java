package dev.funnel.analytics.rebuild;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One rebuild of the analytics tables from the topics, as every instance sees it. */
@Entity
@Table(name = "rebuild")
public class Rebuild extends PanacheEntityBase {

    @Id
    public UUID rebuildId;
    @Enumerated(EnumType.STRING)
    public RebuildState state;
    public Instant startedAt;
    public Instant finishedAt;
    /** Records on the topics at the start; null until they were read. */
    public Long eventsTotal;
    /** Records replayed so far, poison included. */
    public long eventsApplied;
    /** Poison among them, skipped as live dead-lettered it. */
    public long eventsSkipped;
    public String problem;
    public Instant heartbeatAt;

    public static Optional<Rebuild> latest() {
        return Rebuild.<Rebuild>find("ORDER BY startedAt DESC").firstResultOptional();
    }

    public static Optional<Rebuild> underway() {
        return Rebuild.<Rebuild>find("state IN ?1", List.of(RebuildState.RUNNING, RebuildState.SWAPPING))
                .firstResultOptional();
    }
}
