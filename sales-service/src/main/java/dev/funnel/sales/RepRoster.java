package dev.funnel.sales;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** The sales reps: who joins, who is active and so gets new qualified leads. */
@ApplicationScoped
@Transactional
public class RepRoster {

    @Inject
    Clock clock;

    public Rep add(String name, String email, boolean active) {
        Rep rep = new Rep();
        rep.id = UUID.randomUUID();
        rep.name = name;
        rep.email = email;
        rep.active = active;
        rep.createdAt = clock.instant();
        rep.persist();
        return rep;
    }

    /** Renames or (de)activates a rep; null leaves a field as it is. */
    public Rep change(UUID id, String name, Boolean active) {
        Rep rep = Rep.findById(id);
        if (rep == null) {
            throw new NotFoundException("No rep with id " + id + ".");
        }
        if (name != null) {
            rep.name = name;
        }
        if (active != null) {
            rep.active = active;
        }
        return rep;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Rep> all() {
        return Rep.list("ORDER BY createdAt, id");
    }
}
