package dev.funnel.analytics;

import dev.funnel.contracts.Channel;
import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * A lead as the funnel counts it: when it was created, where it came from, how far it got in the pipeline.
 * Nothing personal. A row whose {@code createdAt} is null stands for a lead whose pipeline events arrived
 * before its creation: it counts nowhere until the lead event fills it in.
 */
@Entity
@Table(name = "lead_fact")
public class LeadFact extends PanacheEntityBase {

    @Id
    public UUID leadId;
    public UUID campaignId;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    public Instant createdAt;
    public Instant erasedAt;
    public boolean reachedQualified;
    public boolean reachedContacted;
    public boolean reachedProposal;
    public boolean reachedNegotiation;
    public boolean lost;
    public Instant wonAt;
    public BigDecimal wonAmount;

    /** Key of the ids of the facts this transaction already holds locked (see {@link #lockOrCreateAll}). */
    private static final Object LOCKED_HERE = new Object();

    private static volatile TransactionSynchronizationRegistry transactions;

    /** Key of the ids of the facts this transaction created with their lead's creation already in them. */
    private static final Object CREATED_HERE = new Object();

    private static final String CREATE_ALL = """
            INSERT INTO lead_fact (lead_id, campaign_id, channel, created_at)
            SELECT new.id, new.campaign, new.channel, new.created::timestamptz
            FROM unnest(?::uuid[], ?::uuid[], ?::varchar[], ?::text[]) AS new (id, campaign, channel, created)
            ON CONFLICT (lead_id) DO NOTHING
            RETURNING lead_id, created_at IS NOT NULL""";

    /** A lead's creation, as its LeadGenerated event tells it, for {@link #lockOrCreateAll} to store at once. */
    public record Creation(UUID campaignId, Channel channel, Instant createdAt) {
    }

    /**
     * The lead's row, locked for this transaction; created empty when the lead is new. The lock serialises the
     * lead's events from different topics, so each sees what the other did.
     */
    public static LeadFact lockOrCreate(UUID leadId) {
        if (lockedHere().contains(leadId)) {
            return getEntityManager().find(LeadFact.class, leadId); // loaded and locked ahead: no statement
        }
        getEntityManager().createNativeQuery("INSERT INTO lead_fact (lead_id) VALUES (?1) ON CONFLICT (lead_id) DO NOTHING")
                // facts are never persist()ed, so no unflushed change can matter to this insert; flushing first
                // would check every fact the transaction holds, once per event of a poll
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, leadId)
                .executeUpdate();
        return getEntityManager().find(LeadFact.class, leadId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Does for all these leads at once what {@link #lockOrCreate} does for one, in two statements: a poll of
     * events locks its leads' rows before applying them instead of two statements an event. Rows are locked in
     * id order, as every such call takes them, so two polls never wait for each other in a circle. A lead whose
     * row this creates and no event fills in counts nowhere, as a lead whose pipeline came first.
     *
     * <p>A new lead whose creation the poll carries ({@code creations}) gets its row with the creation in it,
     * instead of an empty row its event then updates: one row version and one set of index entries instead of
     * two. {@link #createdHere} tells the event's handler so, once. A lead stored before is left as it is.
     */
    public static void lockOrCreateAll(Collection<UUID> leadIds, Map<UUID, Creation> creations) {
        List<UUID> sorted = leadIds.stream().distinct().sorted().toList();
        if (sorted.isEmpty()) {
            return;
        }
        Session session = getEntityManager().unwrap(Session.class);
        Set<UUID> createdHere = session.doReturningWork(connection -> {
            UUID[] campaigns = new UUID[sorted.size()];
            String[] channels = new String[sorted.size()];
            String[] times = new String[sorted.size()]; // ISO-8601 in UTC: no time zone of this JVM in between
            for (int i = 0; i < sorted.size(); i++) {
                Creation creation = creations.get(sorted.get(i));
                if (creation != null) {
                    campaigns[i] = creation.campaignId();
                    channels[i] = creation.channel().name();
                    times[i] = microseconds(creation.createdAt()).toString();
                }
            }
            try (PreparedStatement create = connection.prepareStatement(CREATE_ALL)) {
                create.setArray(1, connection.createArrayOf("uuid", sorted.toArray()));
                create.setArray(2, connection.createArrayOf("uuid", campaigns));
                create.setArray(3, connection.createArrayOf("varchar", channels));
                create.setArray(4, connection.createArrayOf("text", times));
                Set<UUID> created = new HashSet<>();
                try (ResultSet rows = create.executeQuery()) {
                    while (rows.next()) {
                        if (rows.getBoolean(2)) {
                            created.add(rows.getObject(1, UUID.class));
                        }
                    }
                }
                return created;
            }
        });
        session.findMultiple(LeadFact.class, sorted, LockModeType.PESSIMISTIC_WRITE);
        lockedHere().addAll(sorted);
        transactionRegistry().putResource(CREATED_HERE, createdHere);
    }

    /**
     * Whether {@link #lockOrCreateAll} created this lead's row, in this transaction, with its creation in it: true
     * once, for the event that carried the creation, so that it counts the lead; false after, and for any other row.
     */
    @SuppressWarnings("unchecked")
    public static boolean createdHere(UUID leadId) {
        Set<UUID> created = (Set<UUID>) transactionRegistry().getResource(CREATED_HERE);
        return created != null && created.remove(leadId);
    }

    private static TransactionSynchronizationRegistry transactionRegistry() {
        TransactionSynchronizationRegistry transaction = transactions;
        if (transaction == null) { // looked up once, not once per event: the registry is one for the application
            transaction = Arc.container().instance(TransactionSynchronizationRegistry.class).get();
            transactions = transaction;
        }
        return transaction;
    }

    @SuppressWarnings("unchecked")
    private static Set<UUID> lockedHere() {
        TransactionSynchronizationRegistry transaction = transactionRegistry();
        Set<UUID> locked = (Set<UUID>) transaction.getResource(LOCKED_HERE);
        if (locked == null) {
            locked = new HashSet<>();
            transaction.putResource(LOCKED_HERE, locked);
        }
        return locked;
    }

    public boolean created() {
        return createdAt != null;
    }

    /** Records where the lead came from; the instants are kept at the database's precision. */
    public void created(UUID campaignId, Channel channel, Instant createdAt) {
        this.campaignId = campaignId;
        this.channel = channel;
        this.createdAt = microseconds(createdAt);
    }

    public PipelineProgress progress() {
        return new PipelineProgress(reachedQualified, reachedContacted, reachedProposal, reachedNegotiation, lost,
                wonAt, wonAmount);
    }

    public void progressed(PipelineProgress progress) {
        reachedQualified = progress.qualified();
        reachedContacted = progress.contacted();
        reachedProposal = progress.proposal();
        reachedNegotiation = progress.negotiation();
        lost = progress.lost();
        wonAt = progress.wonAt() == null ? null : microseconds(progress.wonAt());
        wonAmount = progress.wonAmount();
    }

    /** What this lead adds to its funnel; nothing until it is created. */
    public Funnel.Counts counts() {
        return created() ? progress().countsOf(createdAt) : Funnel.Counts.NONE;
    }

    /**
     * Marks the lead's person as forgotten; the lead keeps counting. The earliest erasure's time stays, also when
     * the erasure arrives before the lead itself.
     */
    public void erased(Instant at) {
        Instant when = microseconds(at);
        if (erasedAt == null || when.isBefore(erasedAt)) {
            erasedAt = when;
        }
    }

    private static Instant microseconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
