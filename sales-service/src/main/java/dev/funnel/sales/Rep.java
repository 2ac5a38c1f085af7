package dev.funnel.sales;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A sales rep; the active ones are given qualified leads in turn. */
@Entity
@Table(name = "rep")
public class Rep extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String name;
    public String email;
    public boolean active;
    /** When this rep last had a turn (a value of {@code rep_turn_seq}); 0 for never, so new reps go first. */
    public long lastTurn;
    @Column(nullable = false)
    public Instant createdAt;
}
