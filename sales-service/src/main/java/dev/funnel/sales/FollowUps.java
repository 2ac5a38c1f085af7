package dev.funnel.sales;

import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.pipeline.FollowUpCompleted;
import dev.funnel.contracts.pipeline.FollowUpKind;
import dev.funnel.sales.messaging.Outbox;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Calls, emails, meetings and check-ins with leads: scheduled, listed by due date, completed with an outcome. */
@ApplicationScoped
@Transactional
public class FollowUps {

    /** Which follow-ups a listing shows. */
    public enum Status {
        OPEN, COMPLETED, ALL
    }

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Schedules a follow-up with a lead, owned by {@code ownerId} or else by the lead's owner.
     *
     * @throws NotFoundException     for an unknown lead
     * @throws InvalidInputException for an unknown owner
     */
    public FollowUp schedule(UUID leadId, FollowUpKind kind, UUID ownerId, Instant dueAt, String note, String by) {
        Lead lead = Lead.findById(leadId);
        if (lead == null) {
            throw new NotFoundException("No lead with id " + leadId + ".");
        }
        if (ownerId != null && Rep.findById(ownerId) == null) {
            throw new InvalidInputException("ownerId", "is not a known rep");
        }
        FollowUp followUp = FollowUp.schedule(leadId, kind, ownerId != null ? ownerId : lead.ownerId, dueAt, note, by,
                clock.instant());
        followUp.persist();
        return followUp;
    }

    /**
     * Completes a follow-up with its outcome and announces it. Flushed before returning, so of two
     * completions at once only one succeeds.
     *
     * @throws NotFoundException for an unknown follow-up
     * @throws ConflictException when it was completed before
     */
    public FollowUp complete(UUID id, String outcome, String by) {
        FollowUp followUp = FollowUp.findById(id);
        if (followUp == null) {
            throw new NotFoundException("No follow-up with id " + id + ".");
        }
        if (followUp.completed()) {
            throw new ConflictException("Follow-up " + id + " was completed at " + followUp.completedAt + ".");
        }
        Instant now = clock.instant();
        followUp.completedAt = now;
        followUp.completedBy = by;
        followUp.outcome = outcome;
        outbox.append(EventTypes.FOLLOW_UP_COMPLETED, followUp.leadId, new FollowUpCompleted(followUp.id,
                followUp.leadId, followUp.kind, followUp.ownerId, followUp.dueAt, outcome, now), now);
        em.flush();
        return followUp;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FollowUp find(UUID id) {
        FollowUp followUp = FollowUp.findById(id);
        if (followUp == null) {
            throw new NotFoundException("No follow-up with id " + id + ".");
        }
        return followUp;
    }

    /** One page of follow-ups, soonest due first; every filter is optional. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FollowUp> list(Instant dueBefore, UUID ownerId, UUID leadId, Status status, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (dueBefore != null) {
            where.add("dueAt < :dueBefore");
            parameters.and("dueBefore", dueBefore);
        }
        if (ownerId != null) {
            where.add("ownerId = :ownerId");
            parameters.and("ownerId", ownerId);
        }
        if (leadId != null) {
            where.add("leadId = :leadId");
            parameters.and("leadId", leadId);
        }
        if (status == Status.OPEN) {
            where.add("completedAt IS NULL");
        } else if (status == Status.COMPLETED) {
            where.add("completedAt IS NOT NULL");
        }
        Sort sort = Sort.ascending("dueAt").and("id");
        var query = where.isEmpty() ? FollowUp.<FollowUp>findAll(sort)
                : FollowUp.<FollowUp>find(String.join(" AND ", where), sort, parameters);
        return query.page(Page.of(page, size)).list();
    }
}
