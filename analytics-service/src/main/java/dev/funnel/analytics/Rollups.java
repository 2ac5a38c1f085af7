package dev.funnel.analytics;

import dev.funnel.contracts.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.hibernate.Session;

/**
 * The funnel's figures summed ahead of time, kept current by every event: leads per creation hour, day and
 * month, campaign and channel; awareness per campaign and hour, day and month; spend per campaign and day and
 * month. Each is kept twice: per campaign, for a campaign's funnel and the per-campaign rows, and per channel
 * alone, for every other query. A query reads whole months, days and hours from here (see {@link Window#slices})
 * and only the minutes at a window's edges from the leads themselves.
 */
@ApplicationScoped
public class Rollups {

    /** Stands for "no campaign" in the rollups' keys, which cannot hold null. */
    public static final UUID NO_CAMPAIGN = new UUID(0, 0);

    private static final String HOUR = "H";
    private static final String DAY = "D";
    private static final String MONTH = "M";

    /** The first key of {@link #lockCampaign}'s advisory locks: any constant no other lock in this database uses. */
    private static final int CAMPAIGN_LOCKS = 0x0CA4;

    /** Where each table keeps what a grouping or a filter needs. */
    private record Source(String campaign, String campaignFilter, String channel, String time) {
    }

    private static final Source LEAD_ROLLUP = new Source("r.campaign_id", "r.campaign_id", "r.channel", "r.bucket_start");
    private static final Source LEAD_FACT = new Source(
            "coalesce(f.campaign_id, '" + NO_CAMPAIGN + "'::uuid)", "f.campaign_id", "f.channel", "f.created_at");
    // spend and awareness belong to the campaign's channel; a campaign not yet launched counts under OTHER
    private static final Source AWARENESS = new Source("r.campaign_id", "r.campaign_id", "coalesce(c.channel, 'OTHER')", "r.bucket_start");
    private static final Source SPEND = new Source("r.campaign_id", "r.campaign_id", "coalesce(c.channel, 'OTHER')", "r.bucket_start");
    // the rollups without the campaign (lead_channel_rollup, awareness_channel_rollup, spend_channel_rollup)
    private static final Source CHANNEL_ROLLUP = new Source(null, null, "r.channel", "r.bucket_start");

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    DataSource dataSource;

    /**
     * Adds what changed about one lead to the hour, the day and the month it was created in. The change is summed
     * with the transaction's other changes to the same rows and written once, just before the transaction commits
     * (or at {@link #flush}): a poll of a thousand events then writes each busy row once instead of a thousand
     * times.
     */
    public void addLead(Instant createdAt, UUID campaignId, Channel channel, Funnel.Counts delta) {
        if (isNone(delta)) {
            return;
        }
        pendingLeads().add(createdAt.truncatedTo(ChronoUnit.HOURS), campaignId == null ? NO_CAMPAIGN : campaignId,
                channel, delta);
    }

    /**
     * Writes the lead changes the transaction has summed so far. Needed only before the transaction moves to other
     * tables (a rebuild leaving its shadow tables); otherwise they are written at commit.
     */
    public void flush() {
        PendingLeadRollups pending = (PendingLeadRollups) transactions.getResource(PendingLeadRollups.class);
        if (pending != null) {
            em.unwrap(Session.class).doWork(pending::writeTo);
        }
    }

    /** This transaction's sums, made on the first change and written before the transaction completes. */
    private PendingLeadRollups pendingLeads() {
        PendingLeadRollups pending = (PendingLeadRollups) transactions.getResource(PendingLeadRollups.class);
        if (pending == null) {
            PendingLeadRollups created = new PendingLeadRollups();
            transactions.putResource(PendingLeadRollups.class, created);
            // Runs while the transaction and its connection are still open; a failure here rolls everything back,
            // so the rollups never disagree with the facts and inbox written in the same transaction.
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
                        return;
                    }
                    // The transaction's own connection, asked of the pool and closed again before the commit:
                    // Hibernate may already have let its handle go (its own synchronization can run first), and a
                    // handle it took again now would stay open through the commit, which the pool warns of.
                    try (Connection connection = dataSource.getConnection()) {
                        created.writeTo(connection);
                    } catch (SQLException e) {
                        throw new PersistenceException("writing the transaction's rollups failed", e);
                    }
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
            pending = created;
        }
        return pending;
    }

    /**
     * Adds one report of awareness to its hour, day and month, of its campaign and of the campaign's channel; the
     * caller makes sure each report comes once.
     */
    public void addAwareness(UUID campaignId, Instant hour, long impressions, long clicks, long visits) {
        lockCampaign(campaignId);
        em.createNativeQuery("""
                        WITH by_campaign AS (
                            INSERT INTO awareness_rollup (grain, bucket_start, campaign_id, impressions, clicks, visits)
                            VALUES ('D', ?2, ?4, ?5, ?6, ?7), ('H', ?1, ?4, ?5, ?6, ?7), ('M', ?3, ?4, ?5, ?6, ?7)
                            ON CONFLICT (grain, bucket_start, campaign_id) DO UPDATE SET
                                impressions = awareness_rollup.impressions + EXCLUDED.impressions,
                                clicks = awareness_rollup.clicks + EXCLUDED.clicks,
                                visits = awareness_rollup.visits + EXCLUDED.visits)
                        INSERT INTO awareness_channel_rollup (grain, bucket_start, channel, impressions, clicks, visits)
                        SELECT b.grain, b.bucket_start, c.channel, ?5, ?6, ?7
                        FROM (VALUES ('D', CAST(?2 AS timestamptz)), ('H', CAST(?1 AS timestamptz)),
                                     ('M', CAST(?3 AS timestamptz))) b (grain, bucket_start)
                        CROSS JOIN (SELECT coalesce((SELECT channel FROM campaign WHERE campaign_id = ?4), 'OTHER')) c (channel)
                        ON CONFLICT (grain, bucket_start, channel) DO UPDATE SET
                            impressions = awareness_channel_rollup.impressions + EXCLUDED.impressions,
                            clicks = awareness_channel_rollup.clicks + EXCLUDED.clicks,
                            visits = awareness_channel_rollup.visits + EXCLUDED.visits""")
                .setParameter(1, hour.truncatedTo(ChronoUnit.HOURS))
                .setParameter(2, hour.truncatedTo(ChronoUnit.DAYS))
                .setParameter(3, monthOf(hour))
                .setParameter(4, campaignId)
                .setParameter(5, impressions)
                .setParameter(6, clicks)
                .setParameter(7, visits)
                .executeUpdate();
    }

    /** Adds a spend to its day and month, once per spend id however often it is published. */
    public void addSpend(UUID spendId, UUID campaignId, BigDecimal amount, LocalDate spentOn) {
        boolean first = em.createNativeQuery("""
                        INSERT INTO spend (spend_id, campaign_id, amount, spent_on) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (spend_id) DO NOTHING""")
                .setParameter(1, spendId)
                .setParameter(2, campaignId)
                .setParameter(3, amount)
                .setParameter(4, spentOn)
                .executeUpdate() == 1;
        if (!first) {
            return;
        }
        Instant day = spentOn.atStartOfDay(ZoneOffset.UTC).toInstant();
        lockCampaign(campaignId);
        em.createNativeQuery("""
                        WITH by_campaign AS (
                            INSERT INTO spend_rollup (grain, bucket_start, campaign_id, amount)
                            VALUES ('D', ?1, ?3, ?4), ('M', ?2, ?3, ?4)
                            ON CONFLICT (grain, bucket_start, campaign_id) DO UPDATE SET amount = spend_rollup.amount + EXCLUDED.amount)
                        INSERT INTO spend_channel_rollup (grain, bucket_start, channel, amount)
                        SELECT b.grain, b.bucket_start, c.channel, ?4
                        FROM (VALUES ('D', CAST(?1 AS timestamptz)), ('M', CAST(?2 AS timestamptz))) b (grain, bucket_start)
                        CROSS JOIN (SELECT coalesce((SELECT channel FROM campaign WHERE campaign_id = ?3), 'OTHER')) c (channel)
                        ON CONFLICT (grain, bucket_start, channel) DO UPDATE SET amount = spend_channel_rollup.amount + EXCLUDED.amount""")
                .setParameter(1, day)
                .setParameter(2, monthOf(day))
                .setParameter(3, campaignId)
                .setParameter(4, amount)
                .executeUpdate();
    }

    /**
     * Serialises, per campaign, adding its awareness or spend with a change of its channel, so neither is counted
     * under a channel the other just left. Its events share a partition and so come one at a time anyway; this
     * holds while a rebalance hands the partition over. Held until the transaction ends.
     */
    public void lockCampaign(UUID campaignId) {
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(?1, hashtext(?2))")
                .setParameter(1, CAMPAIGN_LOCKS)
                .setParameter(2, campaignId.toString())
                .getSingleResult();
    }

    /**
     * Moves everything a campaign's awareness and spend added to the channel rollups from one channel to another:
     * what counted under OTHER before its launch was known now counts under its channel. The caller holds
     * {@link #lockCampaign}.
     */
    public void moveCampaign(UUID campaignId, Channel from, Channel to) {
        if (from == to) {
            return;
        }
        // rows in key order, as every other writer takes them, so two writers never wait for each other in a circle
        em.createNativeQuery("""
                        INSERT INTO awareness_channel_rollup (grain, bucket_start, channel, impressions, clicks, visits)
                        SELECT r.grain, r.bucket_start, m.channel, m.sign * r.impressions, m.sign * r.clicks, m.sign * r.visits
                        FROM awareness_rollup r CROSS JOIN (VALUES (?2, -1), (?3, 1)) m (channel, sign)
                        WHERE r.campaign_id = ?1
                        ORDER BY r.grain, r.bucket_start, m.channel
                        ON CONFLICT (grain, bucket_start, channel) DO UPDATE SET
                            impressions = awareness_channel_rollup.impressions + EXCLUDED.impressions,
                            clicks = awareness_channel_rollup.clicks + EXCLUDED.clicks,
                            visits = awareness_channel_rollup.visits + EXCLUDED.visits""")
                .setParameter(1, campaignId)
                .setParameter(2, from.name())
                .setParameter(3, to.name())
                .executeUpdate();
        em.createNativeQuery("""
                        INSERT INTO spend_channel_rollup (grain, bucket_start, channel, amount)
                        SELECT r.grain, r.bucket_start, m.channel, m.sign * r.amount
                        FROM spend_rollup r CROSS JOIN (VALUES (?2, -1), (?3, 1)) m (channel, sign)
                        WHERE r.campaign_id = ?1
                        ORDER BY r.grain, r.bucket_start, m.channel
                        ON CONFLICT (grain, bucket_start, channel) DO UPDATE SET
                            amount = spend_channel_rollup.amount + EXCLUDED.amount""")
                .setParameter(1, campaignId)
                .setParameter(2, from.name())
                .setParameter(3, to.name())
                .executeUpdate();
    }

    /** The figures of the filter's window, split by the grouping; a key with nothing counted is absent. */
    public Map<String, Funnel.Counts> counts(FunnelFilter filter, Grouping grouping) {
        // a month row lies within one bucket of a monthly series but not of a daily or weekly one
        boolean months = !(grouping instanceof Grouping.ByBucket bucket) || bucket.interval() == Interval.MONTH;
        Window.Slices slices = filter.window().slices(months);
        Map<String, Funnel.Counts> counts = new HashMap<>();
        // about a thousand times fewer rows to sum wherever no campaign is asked for
        boolean byChannel = filter.campaignId() == null && !(grouping instanceof Grouping.ByCampaign);
        leadCounts(filter, grouping, slices, byChannel, counts);
        awarenessCounts(filter, grouping, slices, byChannel, counts);
        spendCounts(filter, grouping, slices, byChannel, counts);
        return counts;
    }

    /** The earliest hour anything was counted in, if anything was. */
    public Optional<Instant> firstCounted() {
        Object first = em.createNativeQuery("""
                        SELECT extract(epoch FROM least(
                            (SELECT min(bucket_start) FROM lead_channel_rollup WHERE grain = 'H'),
                            (SELECT min(bucket_start) FROM awareness_channel_rollup WHERE grain = 'H'),
                            (SELECT min(bucket_start) FROM spend_channel_rollup WHERE grain = 'D')))::bigint""")
                .getSingleResult();
        return Optional.ofNullable(first).map(seconds -> Instant.ofEpochSecond(((Number) seconds).longValue()));
    }

    private void leadCounts(FunnelFilter filter, Grouping grouping, Window.Slices slices, boolean byChannel,
                            Map<String, Funnel.Counts> counts) {
        Sql sql = new Sql();
        List<String> parts = new ArrayList<>();
        Source source = byChannel ? CHANNEL_ROLLUP : LEAD_ROLLUP;
        String rollup = "SELECT " + key(grouping, source) + " AS k, r.leads, r.qualified, r.contacted, r.proposals, "
                + "r.negotiations, r.won, r.lost, r.revenue, r.won_cycle_seconds FROM "
                + (byChannel ? "lead_channel_rollup" : "lead_rollup") + " r WHERE ";
        sql.rollupParts(parts, rollup, filter, source, Map.of(MONTH, slices.months(), DAY, slices.days(), HOUR, slices.hours()));
        if (!slices.edges().isEmpty()) {
            // the same figures as PipelineProgress.countsOf, computed from the leads at the window's edges
            parts.add("SELECT " + key(grouping, LEAD_FACT) + " AS k, 1, "
                    + "CASE WHEN f.reached_qualified THEN 1 ELSE 0 END, CASE WHEN f.reached_contacted THEN 1 ELSE 0 END, "
                    + "CASE WHEN f.reached_proposal THEN 1 ELSE 0 END, CASE WHEN f.reached_negotiation THEN 1 ELSE 0 END, "
                    + "CASE WHEN f.won_at IS NULL THEN 0 ELSE 1 END, CASE WHEN f.lost THEN 1 ELSE 0 END, "
                    + "coalesce(f.won_amount, 0), "
                    + "CASE WHEN f.won_at IS NULL THEN 0 ELSE trunc(extract(epoch FROM f.won_at - f.created_at))::bigint END "
                    + "FROM lead_fact f WHERE " + sql.within(LEAD_FACT.time(), slices.edges()) + sql.filtered(filter, LEAD_FACT));
        }
        Query query = sql.bind(em.createNativeQuery("SELECT k, sum(leads), sum(qualified), sum(contacted), sum(proposals), "
                + "sum(negotiations), sum(won), sum(lost), sum(revenue), sum(won_cycle_seconds) FROM ("
                + String.join(" UNION ALL ", parts) + ") t (k, leads, qualified, contacted, proposals, negotiations, "
                + "won, lost, revenue, won_cycle_seconds) GROUP BY k"));
        for (Object[] row : rows(query)) {
            counts.merge((String) row[0], new Funnel.Counts(0, 0, 0, number(row[1]), number(row[2]), number(row[3]),
                    number(row[4]), number(row[5]), number(row[6]), number(row[7]), decimal(row[8]), BigDecimal.ZERO,
                    Duration.ofSeconds(number(row[9]))), Funnel.Counts::plus);
        }
    }

    private void awarenessCounts(FunnelFilter filter, Grouping grouping, Window.Slices slices, boolean byChannel,
                                 Map<String, Funnel.Counts> counts) {
        // awareness belongs to whole hours: an hour counts when its start is in the window
        Sql sql = new Sql();
        List<String> parts = new ArrayList<>();
        Source source = byChannel ? CHANNEL_ROLLUP : AWARENESS;
        String rollup = "SELECT " + key(grouping, source) + " AS k, r.impressions, r.clicks, r.visits FROM "
                + (byChannel ? "awareness_channel_rollup r" : "awareness_rollup r" + campaignJoin(filter, grouping)) + " WHERE ";
        sql.rollupParts(parts, rollup, filter, source,
                Map.of(MONTH, slices.months(), DAY, slices.days(), HOUR, concat(slices.edges(), slices.hours())));
        Query query = sql.bind(em.createNativeQuery("SELECT k, sum(impressions), sum(clicks), sum(visits) FROM ("
                + String.join(" UNION ALL ", parts) + ") t (k, impressions, clicks, visits) GROUP BY k"));
        for (Object[] row : rows(query)) {
            counts.merge((String) row[0], new Funnel.Counts(number(row[1]), number(row[2]), number(row[3]), 0, 0, 0, 0, 0,
                    0, 0, BigDecimal.ZERO, BigDecimal.ZERO, Duration.ZERO), Funnel.Counts::plus);
        }
    }

    private void spendCounts(FunnelFilter filter, Grouping grouping, Window.Slices slices, boolean byChannel,
                             Map<String, Funnel.Counts> counts) {
        // spend belongs to whole days: a day counts when its start is in the window
        Sql sql = new Sql();
        List<String> parts = new ArrayList<>();
        Source source = byChannel ? CHANNEL_ROLLUP : SPEND;
        String rollup = "SELECT " + key(grouping, source) + " AS k, r.amount FROM "
                + (byChannel ? "spend_channel_rollup r" : "spend_rollup r" + campaignJoin(filter, grouping)) + " WHERE ";
        sql.rollupParts(parts, rollup, filter, source,
                Map.of(MONTH, slices.months(), DAY, concat(concat(slices.edges(), slices.hours()), slices.days())));
        Query query = sql.bind(em.createNativeQuery("SELECT k, sum(amount) FROM ("
                + String.join(" UNION ALL ", parts) + ") t (k, amount) GROUP BY k"));
        for (Object[] row : rows(query)) {
            counts.merge((String) row[0], new Funnel.Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO,
                    decimal(row[1]), Duration.ZERO), Funnel.Counts::plus);
        }
    }

    private static List<Window.Range> concat(List<Window.Range> a, List<Window.Range> b) {
        List<Window.Range> both = new ArrayList<>(a);
        both.addAll(b);
        return both;
    }

    private static Instant monthOf(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The campaigns' channels, joined only when a channel is asked for: the join costs on every row. */
    private static String campaignJoin(FunnelFilter filter, Grouping grouping) {
        return filter.channel() != null || grouping instanceof Grouping.ByChannel
                ? " LEFT JOIN campaign c ON c.campaign_id = r.campaign_id"
                : "";
    }

    /** The SQL expression of a row's key under the grouping, always text. */
    private static String key(Grouping grouping, Source source) {
        return switch (grouping) {
            case Grouping.Total t -> "''";
            case Grouping.ByCampaign c -> source.campaign() + "::text";
            case Grouping.ByChannel c -> source.channel();
            // weeks of date_trunc are ISO weeks, starting on Monday
            case Grouping.ByBucket b -> "extract(epoch FROM date_trunc('" + b.interval().name().toLowerCase()
                    + "', " + source.time() + " AT TIME ZONE 'UTC'))::bigint::text";
        };
    }

    /** Builds a statement's conditions with positional parameters, then binds them. */
    private static final class Sql {

        private final List<Object> parameters = new ArrayList<>();

        /** One part of a UNION per grain that has ranges to read, the grain's rows whose bucket starts in them. */
        void rollupParts(List<String> parts, String select, FunnelFilter filter, Source source,
                         Map<String, List<Window.Range>> rangesByGrain) {
            for (String grain : List.of(MONTH, DAY, HOUR)) {
                List<Window.Range> ranges = rangesByGrain.getOrDefault(grain, List.of());
                if (!ranges.isEmpty()) {
                    parts.add(select + "r.grain = '" + grain + "' AND " + within(source.time(), ranges)
                            + filtered(filter, source));
                }
            }
        }

        String within(String column, List<Window.Range> ranges) {
            List<String> any = new ArrayList<>();
            for (Window.Range range : ranges) {
                any.add("(" + column + " >= " + parameter(range.from()) + " AND " + column + " < " + parameter(range.to()) + ")");
            }
            return "(" + String.join(" OR ", any) + ")";
        }

        String filtered(FunnelFilter filter, Source source) {
            StringBuilder conditions = new StringBuilder();
            if (filter.campaignId() != null) {
                conditions.append(" AND ").append(source.campaignFilter()).append(" = ").append(parameter(filter.campaignId()));
            }
            if (filter.channel() != null) {
                conditions.append(" AND ").append(source.channel()).append(" = ").append(parameter(filter.channel().name()));
            }
            return conditions.toString();
        }

        private String parameter(Object value) {
            parameters.add(value);
            return "?" + parameters.size();
        }

        Query bind(Query query) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setParameter(i + 1, parameters.get(i));
            }
            return query;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query) {
        return query.getResultList();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }

    private static boolean isNone(Funnel.Counts delta) {
        return delta.leads() == 0 && delta.qualified() == 0 && delta.contacted() == 0 && delta.proposals() == 0
                && delta.negotiations() == 0 && delta.won() == 0 && delta.lost() == 0 && delta.revenue().signum() == 0
                && delta.wonSalesCycles().isZero();
    }
}
