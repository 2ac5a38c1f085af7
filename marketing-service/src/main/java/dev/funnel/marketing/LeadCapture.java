package dev.funnel.marketing;

import dev.funnel.contracts.Channel;
import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.TimeOrderedIds;
import dev.funnel.contracts.lead.LeadEngaged;
import dev.funnel.marketing.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * Captures a lead: a new email becomes a new lead and a {@code LeadGenerated} event; a known email
 * becomes a new touch on the existing lead and a {@code LeadEngaged} event. State and event commit
 * together (the outbox), so an accepted lead is never lost even while Kafka is away.
 */
@ApplicationScoped
public class LeadCapture {

    /** Key of what this transaction knows of emails and campaigns (see {@link Known}). */
    private static final Object KNOWN = new Object();
    /** Key of this transaction's new leads, staged until just before it commits. */
    private static final Object NEW_LEADS = new Object();

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transaction;

    @Inject
    BeforeCommit beforeCommit;

    @Transactional
    public Captured capture(NewLead posted) {
        Instant now = clock.instant();
        Known here = known();
        Optional<UUID> known = here.leadWithEmail(posted.normalisedEmail(), this::lockedIdOf);
        Source source = sourceOf(posted, here);
        if (known.isPresent()) {
            UUID id = known.get();
            outbox.append(EventTypes.LEAD_ENGAGED, id,
                    new LeadEngaged(id, source.campaignId(), source.channel(), posted.utm(), now), now);
            return new Captured(id, Captured.Outcome.DUPLICATE);
        }
        Lead lead = toLead(posted, source, now);
        newLeads().add(lead);
        here.created(lead.email, lead.id);
        outbox.append(EventTypes.LEAD_GENERATED, lead.id, lead.generated(), now);
        return new Captured(lead.id, Captured.Outcome.CREATED);
    }

    /** Captures each lead in turn, all in one transaction; results in the same order. */
    @Transactional
    public List<Captured> captureAll(List<NewLead> posted) {
        lookUpAhead(posted);
        List<Captured> captured = new ArrayList<>(posted.size());
        for (NewLead lead : posted) {
            captured.add(capture(lead));
        }
        return captured;
    }

    /**
     * Reads ahead, in one statement each, what capturing these leads in this transaction will ask: the
     * leads with their emails (row-locked, as {@link #lockedIdOf} would) and the campaigns their UTM values
     * name. Capturing a group of leads then costs a few statements in all instead of a few per lead.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lookUpAhead(List<NewLead> posted) {
        Known here = known();
        List<String> emails = posted.stream().map(NewLead::normalisedEmail).distinct()
                .filter(email -> !here.lookedUp(email)).sorted().toList();
        if (!emails.isEmpty()) {
            here.lookedUp(emails, lockedIdsOf(emails));
        }
        posted.stream().filter(lead -> lead.campaignId() == null && lead.utm() != null)
                .map(lead -> lead.utm().campaign()).filter(here::unresolved)
                .distinct().forEach(utmCampaign -> here.resolved(utmCampaign, campaignNamedBy(utmCampaign)));
    }

    /**
     * The id of the lead with this email, row-locked so that a concurrent touch and erasure of the same
     * lead queue up and their events keep order. Plain JDBC on the transaction's connection: an entity
     * query with a lock is re-planned by Hibernate on every call, and a native query typed by a result
     * class adds a new entry to Hibernate's interpretation cache on every call (its result mapping never
     * equals the last one's, all with the same hash), so each lookup searched a growing pile of them;
     * that was over half of the service's CPU under load.
     */
    private Optional<UUID> lockedIdOf(String email) {
        return Optional.ofNullable(lockedIdsOf(List.of(email)).get(email));
    }

    /** The ids of the leads with these emails, row-locked as above; emails no lead has are absent. */
    private Map<String, UUID> lockedIdsOf(List<String> emails) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT email, id FROM lead WHERE email = ANY (?) FOR UPDATE")) {
                select.setArray(1, connection.createArrayOf("varchar", emails.toArray()));
                Map<String, UUID> ids = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.put(rows.getString(1), rows.getObject(2, UUID.class));
                    }
                }
                return ids;
            }
        });
    }

    /**
     * What this transaction knows: the emails it looked up or created, each with its lead's id (none: no
     * lead has it yet), and the campaigns UTM values named. The leads a transaction creates reach the
     * database only just before it commits ({@link #newLeads}), so a lookup cannot see them: the same email
     * twice in a group is found here instead.
     */
    private static final class Known {
        private final Map<String, Optional<UUID>> leadsByEmail = new HashMap<>();
        private final Map<String, Optional<Source>> campaignsByUtm = new HashMap<>();

        boolean lookedUp(String email) {
            return leadsByEmail.containsKey(email);
        }

        void lookedUp(List<String> emails, Map<String, UUID> found) {
            emails.forEach(email -> leadsByEmail.put(email, Optional.ofNullable(found.get(email))));
        }

        Optional<UUID> leadWithEmail(String email, Function<String, Optional<UUID>> lookUp) {
            return leadsByEmail.computeIfAbsent(email, lookUp);
        }

        void created(String email, UUID id) {
            leadsByEmail.put(email, Optional.of(id));
        }

        boolean unresolved(String utmCampaign) {
            return utmCampaign != null && !utmCampaign.isBlank() && !campaignsByUtm.containsKey(utmCampaign);
        }

        void resolved(String utmCampaign, Optional<Source> campaign) {
            campaignsByUtm.put(utmCampaign, campaign);
        }

        Optional<Source> campaignNamedBy(String utmCampaign, Function<String, Optional<Source>> lookUp) {
            return campaignsByUtm.computeIfAbsent(utmCampaign, lookUp);
        }
    }

    /**
     * This transaction's new leads, inserted together just before it commits (and its outbox rows with
     * them). Nothing reads a lead back in the transaction that captured it: a second touch of its email
     * finds it in {@link Known}.
     */
    private List<Lead> newLeads() {
        return beforeCommit.staged(NEW_LEADS, "new leads", NewLeadRows::insert, inserted -> { });
    }

    private Known known() {
        Known known = (Known) transaction.getResource(KNOWN);
        if (known == null) {
            known = new Known();
            transaction.putResource(KNOWN, known);
        }
        return known;
    }

    private static Lead toLead(NewLead posted, Source source, Instant now) {
        Lead lead = new Lead();
        lead.id = TimeOrderedIds.next();
        lead.email = posted.normalisedEmail();
        lead.firstName = posted.firstName();
        lead.lastName = posted.lastName();
        lead.company = posted.company();
        lead.jobTitle = posted.jobTitle();
        lead.phone = posted.phone();
        lead.country = posted.country();
        lead.companySize = posted.companySize();
        lead.budget = posted.budget();
        lead.currency = posted.budget() == null ? null : posted.currency();
        lead.timeline = posted.timeline();
        lead.campaignId = source.campaignId();
        lead.channel = source.channel();
        if (posted.utm() != null) {
            lead.utmSource = posted.utm().source();
            lead.utmMedium = posted.utm().medium();
            lead.utmCampaign = posted.utm().campaign();
            lead.utmTerm = posted.utm().term();
            lead.utmContent = posted.utm().content();
        }
        lead.marketingConsent = posted.marketingConsent();
        lead.attributes = posted.attributes();
        lead.referredBy = posted.referredBy();
        lead.createdAt = now;
        return lead;
    }

    /** The campaign a touch came through, and so its channel. */
    private record Source(UUID campaignId, Channel channel) {
    }

    /**
     * The campaign named directly (checked to exist before capture), else the one {@code utm.campaign}
     * names; with none, a referral is {@code REFERRAL} and anything else {@code OTHER}, and the UTM
     * values stay on the lead as its source.
     */
    private Source sourceOf(NewLead posted, Known here) {
        String utmCampaign = posted.utm() == null ? null : posted.utm().campaign();
        Optional<Source> campaign = posted.campaignId() != null
                ? Campaign.<Campaign>findByIdOptional(posted.campaignId()).map(c -> new Source(c.id, c.channel))
                : utmCampaign == null || utmCampaign.isBlank() ? Optional.empty()
                : here.campaignNamedBy(utmCampaign, this::campaignNamedBy);
        return campaign.orElseGet(() -> new Source(null, posted.referredBy() != null ? Channel.REFERRAL : Channel.OTHER));
    }

    /**
     * The campaign a UTM {@code campaign} value names: its id, or its name in any case (the oldest such
     * campaign). Plain JDBC, as above: run for nearly every lead, the entity query's translation was a
     * quarter of capture's CPU.
     */
    private Optional<Source> campaignNamedBy(String utmCampaign) {
        String value = utmCampaign.strip();
        UUID id = null;
        try {
            id = UUID.fromString(value);
        } catch (IllegalArgumentException notAnId) {
            // a name, then
        }
        UUID asId = id;
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT id, channel FROM campaign WHERE id = ? OR lower(name) = lower(?)
                    ORDER BY id = ? DESC, created_at LIMIT 1""")) {
                select.setObject(1, asId);
                select.setString(2, value);
                select.setObject(3, asId);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next()
                            ? Optional.of(new Source(rows.getObject(1, UUID.class), Channel.valueOf(rows.getString(2))))
                            : Optional.<Source>empty();
                }
            }
        });
    }
}
