package dev.funnel.load;

import dev.funnel.contracts.Channel;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Two years of a made-up business written straight into analytics' database: campaigns, a year of hourly
 * awareness and daily spend for each, leads of some of them with their progress through the pipeline, and
 * every rollup computed from those facts by SQL aggregates, to the same buckets and sums the service's
 * {@code Rollups} would have written event by event:
 * <ul>
 *   <li>{@code lead_rollup}: per UTC hour ('H'), day ('D') and month ('M') of the lead's creation, campaign
 *       (the nil UUID for none) and the lead's channel; revenue and cycle seconds of won leads only;</li>
 *   <li>{@code awareness_rollup}: the hourly rows are the facts; days and months are their sums;</li>
 *   <li>{@code spend_rollup}: per day the spend was on ('D', its UTC midnight) and month ('M');</li>
 *   <li>{@code lead_channel_rollup}, {@code awareness_channel_rollup}, {@code spend_channel_rollup}: the same
 *       without the campaign, summed per channel (the lead's own; the campaign's for awareness and spend).</li>
 * </ul>
 * Random but reproducible (fixed seeds), relative to today's UTC midnight, which is where the two years end.
 */
final class TwoYearsOfFunnel {

    /** Every campaign this loader writes is named so, which tells its data from anyone else's. */
    static final String CAMPAIGN_PREFIX = "Query bench ";
    static final UUID NO_CAMPAIGN = new UUID(0, 0);
    static final int CAMPAIGN_DAYS = 365;
    static final int DAYS = 730;

    private static final Channel[] CHANNELS = Channel.values();
    /** Leads that came without a campaign: referrals and unknown utm campaigns. */
    private static final double NO_CAMPAIGN_SHARE = 0.05;
    /** The chance to take each next step: qualification, contacted, proposal, negotiation, won. */
    private static final double[] ADVANCE = {0.35, 0.85, 0.45, 0.60, 0.55};
    /** The chance that a lead which did not take the step from this stage was marked lost (else it went stale). */
    private static final double[] LOSS = {0, 0.40, 0.60, 0.70, 0.90};

    record Campaign(UUID id, String name, Channel channel, Instant starts, BigDecimal budget, BigDecimal dailySpend,
                    int impressionsPerHour) {
        Instant ends() {
            return starts.plus(CAMPAIGN_DAYS, ChronoUnit.DAYS);
        }
    }

    private record Lead(UUID id, Campaign campaign, Channel channel, Instant createdAt, Instant erasedAt,
                        int reached, boolean lost, Instant wonAt, BigDecimal wonAmount) {
    }

    private final int leadCount;
    private final Instant end;
    private final Instant start;
    private final List<Campaign> campaigns;
    private final List<Campaign> leadCampaigns;

    TwoYearsOfFunnel(int campaignCount, int leadCampaignCount, int leadCount, Instant today) {
        this.leadCount = leadCount;
        this.end = today.truncatedTo(ChronoUnit.DAYS);
        this.start = end.minus(DAYS, ChronoUnit.DAYS);
        Random random = new Random(7);
        List<Campaign> all = new ArrayList<>();
        for (int i = 0; i < campaignCount; i++) {
            Channel channel = CHANNELS[i % CHANNELS.length];
            // starts spread over the first year, each runs a year: every day of the two years has campaigns,
            // and the last ones run until today
            Instant starts = start.plus((long) i * (DAYS - CAMPAIGN_DAYS) / Math.max(1, campaignCount - 1), ChronoUnit.DAYS);
            BigDecimal daily = money(100 + 2_000 * Math.pow(random.nextDouble(), 2));
            all.add(new Campaign(UUID.nameUUIDFromBytes(("query-bench-campaign-" + i).getBytes(StandardCharsets.UTF_8)),
                    String.format("%s%04d %s", CAMPAIGN_PREFIX, i, channel.name().toLowerCase()), channel, starts,
                    daily.multiply(BigDecimal.valueOf(CAMPAIGN_DAYS * 11L / 10)), daily,
                    50 + (int) (5_000 * Math.pow(random.nextDouble(), 2))));
        }
        this.campaigns = List.copyOf(all);
        // the campaigns that bring leads, spread evenly over the starts so leads cover the two years
        List<Campaign> withLeads = new ArrayList<>();
        int stride = Math.max(1, campaignCount / Math.max(1, leadCampaignCount));
        for (int i = 0; i < campaignCount && withLeads.size() < leadCampaignCount; i += stride) {
            withLeads.add(all.get(i));
        }
        this.leadCampaigns = List.copyOf(withLeads);
    }

    Instant start() {
        return start;
    }

    Instant end() {
        return end;
    }

    List<Campaign> leadCampaigns() {
        return leadCampaigns;
    }

    long awarenessHours() {
        return (long) campaigns.size() * CAMPAIGN_DAYS * 24;
    }

    /** Empties analytics' facts and rollups (not its inbox of event ids), then writes everything. */
    void load(Connection db) throws SQLException, IOException {
        db.setAutoCommit(true);
        try (Statement s = db.createStatement()) {
            // the buckets are UTC hours, days and months, as in Rollups; date_trunc follows the session's zone
            s.execute("SET TimeZone = 'UTC'");
            s.execute("SET work_mem = '256MB'");
            s.execute("SET maintenance_work_mem = '512MB'");
            step("emptying analytics' facts and rollups", () -> s.execute(
                    "TRUNCATE lead_fact, touch, campaign, spend, lead_rollup, awareness_rollup, spend_rollup, "
                    + "lead_channel_rollup, awareness_channel_rollup, spend_channel_rollup"));
        }
        step("campaigns: " + campaigns.size(), () -> writeCampaigns(db));
        writeLeads(db);
        writeAwareness(db);
        step("spend: a day of spend for each day each campaign ran", () -> writeSpend(db));
        step("lead_rollup H/D/M from lead_fact", () -> update(db, """
                INSERT INTO lead_rollup (grain, bucket_start, campaign_id, channel, leads, qualified, contacted,
                    proposals, negotiations, won, lost, revenue, won_cycle_seconds)
                SELECT g.grain, date_trunc(g.unit, f.created_at), coalesce(f.campaign_id, ?::uuid), f.channel,
                       count(*),
                       count(*) FILTER (WHERE f.reached_qualified),
                       count(*) FILTER (WHERE f.reached_contacted),
                       count(*) FILTER (WHERE f.reached_proposal),
                       count(*) FILTER (WHERE f.reached_negotiation),
                       count(*) FILTER (WHERE f.won_at IS NOT NULL),
                       count(*) FILTER (WHERE f.lost),
                       coalesce(sum(f.won_amount) FILTER (WHERE f.won_at IS NOT NULL), 0),
                       -- whole seconds per lead, as Duration.toSeconds() in PipelineProgress.countsOf
                       coalesce(sum(trunc(extract(epoch FROM f.won_at - f.created_at))::bigint)
                                FILTER (WHERE f.won_at IS NOT NULL), 0)
                FROM lead_fact f CROSS JOIN (VALUES ('H', 'hour'), ('D', 'day'), ('M', 'month')) g (grain, unit)
                WHERE f.created_at IS NOT NULL
                GROUP BY 1, 2, 3, 4""", NO_CAMPAIGN));
        step("awareness_rollup D/M from the hours", () -> update(db, """
                INSERT INTO awareness_rollup (grain, bucket_start, campaign_id, impressions, clicks, visits)
                SELECT g.grain, date_trunc(g.unit, r.bucket_start), r.campaign_id,
                       sum(r.impressions), sum(r.clicks), sum(r.visits)
                FROM awareness_rollup r CROSS JOIN (VALUES ('D', 'day'), ('M', 'month')) g (grain, unit)
                WHERE r.grain = 'H'
                GROUP BY 1, 2, 3"""));
        step("spend_rollup D/M from spend", () -> update(db, """
                INSERT INTO spend_rollup (grain, bucket_start, campaign_id, amount)
                SELECT g.grain, date_trunc(g.unit, s.spent_on::timestamptz), s.campaign_id, sum(s.amount)
                FROM spend s CROSS JOIN (VALUES ('D', 'day'), ('M', 'month')) g (grain, unit)
                GROUP BY 1, 2, 3"""));
        // the same statements as the service's migration V5 backfills them with
        step("lead_channel_rollup from lead_rollup", () -> update(db, """
                INSERT INTO lead_channel_rollup (grain, bucket_start, channel, leads, qualified, contacted, proposals,
                                                 negotiations, won, lost, revenue, won_cycle_seconds)
                SELECT grain, bucket_start, channel, sum(leads), sum(qualified), sum(contacted), sum(proposals),
                       sum(negotiations), sum(won), sum(lost), sum(revenue), sum(won_cycle_seconds)
                FROM lead_rollup
                GROUP BY grain, bucket_start, channel"""));
        step("awareness_channel_rollup from awareness_rollup", () -> update(db, """
                INSERT INTO awareness_channel_rollup (grain, bucket_start, channel, impressions, clicks, visits)
                SELECT r.grain, r.bucket_start, coalesce(c.channel, 'OTHER'), sum(r.impressions), sum(r.clicks), sum(r.visits)
                FROM awareness_rollup r LEFT JOIN campaign c ON c.campaign_id = r.campaign_id
                GROUP BY r.grain, r.bucket_start, coalesce(c.channel, 'OTHER')"""));
        step("spend_channel_rollup from spend_rollup", () -> update(db, """
                INSERT INTO spend_channel_rollup (grain, bucket_start, channel, amount)
                SELECT r.grain, r.bucket_start, coalesce(c.channel, 'OTHER'), sum(r.amount)
                FROM spend_rollup r LEFT JOIN campaign c ON c.campaign_id = r.campaign_id
                GROUP BY r.grain, r.bucket_start, coalesce(c.channel, 'OTHER')"""));
        // Tables that grew over two years would have been vacuumed and analysed by autovacuum long ago: without
        // statistics and a visibility map the planner would judge these queries on a table it knows nothing of.
        try (Statement s = db.createStatement()) {
            step("VACUUM ANALYZE", () -> s.execute(
                    "VACUUM (ANALYZE) lead_fact, campaign, spend, lead_rollup, awareness_rollup, spend_rollup, "
                            + "lead_channel_rollup, awareness_channel_rollup, spend_channel_rollup"));
        }
    }

    private void writeCampaigns(Connection db) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO campaign (campaign_id, name, channel, budget, currency, status, changed_at)
                VALUES (?, ?, ?, ?, 'USD', ?, ?)""")) {
            for (Campaign c : campaigns) {
                insert.setObject(1, c.id());
                insert.setString(2, c.name());
                insert.setString(3, c.channel().name());
                insert.setBigDecimal(4, c.budget());
                insert.setString(5, c.ends().isBefore(end) ? "ENDED" : "ACTIVE");
                insert.setTimestamp(6, Timestamp.from(c.starts()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Made in memory, sorted by creation and copied in that order, as leads arrive in a real table. */
    private void writeLeads(Connection db) throws SQLException, IOException {
        long t0 = System.nanoTime();
        Random random = new Random(11);
        Lead[] leads = new Lead[leadCount];
        for (int i = 0; i < leadCount; i++) {
            leads[i] = lead(random);
        }
        Arrays.sort(leads, Comparator.comparing(Lead::createdAt));
        System.out.printf("  leads: %,d made in %.1f s; copying into lead_fact%n", leadCount, (System.nanoTime() - t0) / 1e9);
        Progress progress = new Progress("leads copied", leadCount);
        CopyIn copy = db.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                COPY lead_fact (lead_id, campaign_id, channel, created_at, erased_at, reached_qualified, reached_contacted,
                    reached_proposal, reached_negotiation, lost, won_at, won_amount) FROM STDIN""");
        try {
            StringBuilder rows = new StringBuilder(1 << 20);
            for (int i = 0; i < leadCount; i++) {
                Lead l = leads[i];
                rows.append(l.id()).append('\t')
                        .append(l.campaign() == null ? "\\N" : l.campaign().id().toString()).append('\t')
                        .append(l.channel().name()).append('\t')
                        .append(l.createdAt()).append('\t')
                        .append(l.erasedAt() == null ? "\\N" : l.erasedAt().toString()).append('\t')
                        .append(l.reached() >= 1 ? 't' : 'f').append('\t')
                        .append(l.reached() >= 2 ? 't' : 'f').append('\t')
                        .append(l.reached() >= 3 ? 't' : 'f').append('\t')
                        .append(l.reached() >= 4 ? 't' : 'f').append('\t')
                        .append(l.lost() ? 't' : 'f').append('\t')
                        .append(l.wonAt() == null ? "\\N" : l.wonAt().toString()).append('\t')
                        .append(l.wonAmount() == null ? "\\N" : l.wonAmount().toPlainString()).append('\n');
                if (rows.length() > (1 << 20) - 512 || i == leadCount - 1) {
                    byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    rows.setLength(0);
                    progress.maybePrint(i + 1L);
                }
            }
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        System.out.printf("  leads: %,d in lead_fact after %.1f s%n", leadCount, (System.nanoTime() - t0) / 1e9);
    }

    private Lead lead(Random random) {
        Campaign campaign = null;
        Instant createdAt;
        Channel channel;
        if (random.nextDouble() < NO_CAMPAIGN_SHARE) {
            // without a campaign a lead is a referral or keeps an unknown utm campaign as its source only
            channel = random.nextDouble() < 0.3 ? Channel.REFERRAL : Channel.OTHER;
            createdAt = start.plus(randomDuration(random, Duration.ofDays(DAYS)));
        } else {
            // a few campaigns bring most leads
            campaign = leadCampaigns.get((int) (leadCampaigns.size() * Math.pow(random.nextDouble(), 2)));
            channel = campaign.channel();
            createdAt = campaign.starts().plus(randomDuration(random, Duration.ofDays(CAMPAIGN_DAYS)));
        }
        createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
        // each step takes its time; a step that would happen after today has not happened yet: the lead is open
        Duration[] stepTakes = {Duration.ofMinutes(1 + random.nextInt(60)), Duration.ofDays(1 + random.nextInt(5)),
                Duration.ofDays(3 + random.nextInt(18)), Duration.ofDays(5 + random.nextInt(16)),
                Duration.ofDays(5 + random.nextInt(26))};
        int reached = 0;
        boolean lost = false;
        Instant wonAt = null;
        BigDecimal wonAmount = null;
        Instant at = createdAt;
        for (int step = 0; step < ADVANCE.length; step++) {
            at = at.plus(stepTakes[step]).plus(randomDuration(random, Duration.ofHours(8)));
            if (!at.isBefore(end)) {
                break;
            }
            if (random.nextDouble() < ADVANCE[step]) {
                if (step == ADVANCE.length - 1) {
                    wonAt = at.truncatedTo(ChronoUnit.MICROS);
                    wonAmount = money(Math.min(1_000_000, Math.max(500, Math.exp(Math.log(12_000) + 0.9 * random.nextGaussian()))));
                } else {
                    reached = step + 1;
                }
            } else {
                lost = random.nextDouble() < LOSS[step];
                break;
            }
        }
        Instant erasedAt = null;
        if (random.nextDouble() < 0.005) {
            Instant erased = createdAt.plus(randomDuration(random, Duration.ofDays(90)));
            erasedAt = erased.isBefore(end) ? erased.truncatedTo(ChronoUnit.MICROS) : null;
        }
        return new Lead(randomUuid(random), campaign, channel, createdAt, erasedAt, reached, lost, wonAt, wonAmount);
    }

    /** Hour by hour, every campaign running in that hour, in order of time as the rows would have arrived. */
    private void writeAwareness(Connection db) throws SQLException {
        long t0 = System.nanoTime();
        long total = awarenessHours();
        long written = 0;
        try (Statement s = db.createStatement()) {
            s.execute("SELECT setseed(0.13)");
        }
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO awareness_rollup (grain, bucket_start, campaign_id, impressions, clicks, visits)
                SELECT 'H', h.at, c.id, i.impressions, k.clicks, floor(k.clicks * (0.4 + 0.5 * random()))::bigint
                FROM generate_series(?::timestamptz, ?::timestamptz - interval '1 hour', interval '1 hour') AS h (at)
                JOIN unnest(?::uuid[], ?::timestamptz[], ?::int[]) AS c (id, starts, per_hour)
                  ON h.at >= c.starts AND h.at < c.starts + make_interval(days => ?)
                -- more people online in the (UTC) afternoon than at night
                CROSS JOIN LATERAL (SELECT greatest(1, floor(c.per_hour * (0.5 + random())
                    * (1 + 0.7 * sin(2 * pi() * (extract(hour FROM h.at) - 8) / 24))))::bigint AS impressions) i
                CROSS JOIN LATERAL (SELECT floor(i.impressions * (0.005 + 0.03 * random()))::bigint AS clicks) k""")) {
            Array ids = db.createArrayOf("uuid", campaigns.stream().map(Campaign::id).toArray());
            Array starts = db.createArrayOf("timestamptz", campaigns.stream().map(c -> Timestamp.from(c.starts())).toArray());
            Array perHour = db.createArrayOf("int4", campaigns.stream().map(Campaign::impressionsPerHour).toArray());
            Duration chunk = Duration.ofDays(30);
            for (Instant from = start; from.isBefore(end); from = from.plus(chunk)) {
                Instant to = from.plus(chunk).isBefore(end) ? from.plus(chunk) : end;
                insert.setTimestamp(1, Timestamp.from(from));
                insert.setTimestamp(2, Timestamp.from(to));
                insert.setArray(3, ids);
                insert.setArray(4, starts);
                insert.setArray(5, perHour);
                insert.setInt(6, CAMPAIGN_DAYS);
                written += insert.executeUpdate();
                double seconds = (System.nanoTime() - t0) / 1e9;
                System.out.printf("  awareness hours %,d of %,d (%,.0f rows/s)%n", written, total, written / seconds);
            }
        }
        if (written != total) {
            throw new IllegalStateException("wrote " + written + " awareness hours, expected " + total);
        }
    }

    private void writeSpend(Connection db) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO spend (spend_id, campaign_id, amount, spent_on)
                SELECT gen_random_uuid(), c.id, round(c.daily * (0.6 + 0.8 * random())::numeric, 2),
                       (c.starts + make_interval(days => d))::date
                FROM unnest(?::uuid[], ?::timestamptz[], ?::numeric[]) AS c (id, starts, daily),
                     generate_series(0, ? - 1) AS d""")) {
            insert.setArray(1, db.createArrayOf("uuid", campaigns.stream().map(Campaign::id).toArray()));
            insert.setArray(2, db.createArrayOf("timestamptz", campaigns.stream().map(c -> Timestamp.from(c.starts())).toArray()));
            insert.setArray(3, db.createArrayOf("numeric", campaigns.stream().map(Campaign::dailySpend).toArray()));
            insert.setInt(4, CAMPAIGN_DAYS);
            insert.executeUpdate();
        }
    }

    /** How many rows the query gives as its single number. */
    static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void update(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private interface SqlStep {
        void run() throws SQLException;
    }

    private static void step(String what, SqlStep step) throws SQLException {
        long t0 = System.nanoTime();
        System.out.printf("  %s ...%n", what);
        step.run();
        System.out.printf("  %s: done in %.1f s%n", what, (System.nanoTime() - t0) / 1e9);
    }

    private static Duration randomDuration(Random random, Duration upTo) {
        return Duration.ofNanos((long) (random.nextDouble() * upTo.toNanos()));
    }

    private static BigDecimal money(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
    }

    /** A version 4 UUID from the seeded generator, so a load is the same every time. */
    private static UUID randomUuid(Random random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
