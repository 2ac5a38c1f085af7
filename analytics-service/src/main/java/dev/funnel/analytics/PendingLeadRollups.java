package dev.funnel.analytics;

import dev.funnel.contracts.Channel;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One transaction's changes to the lead rollups, summed per creation hour, campaign and channel until they are
 * written: then each row of {@code lead_rollup} and {@code lead_channel_rollup} the transaction touches is
 * written once, by one statement per table. Rows go in key order, as every writer takes them, so two
 * transactions never wait for each other in a circle.
 */
final class PendingLeadRollups {

    private record Hourly(Instant hour, UUID campaignId, Channel channel) {
    }

    /** A rollup row's key; campaignId is null for the per-channel table. */
    private record Row(String grain, Instant bucket, UUID campaignId, String channel) {
    }

    private static final Comparator<Row> KEY_ORDER = Comparator.comparing(Row::grain).thenComparing(Row::bucket)
            .thenComparing(Row::campaignId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Row::channel);

    /** The figures a rollup row adds up. Mutable: it only lives until the write. */
    private static final class Sums {
        long leads;
        long qualified;
        long contacted;
        long proposals;
        long negotiations;
        long won;
        long lost;
        BigDecimal revenue = BigDecimal.ZERO;
        long wonCycleSeconds;

        void add(Funnel.Counts delta) {
            leads += delta.leads();
            qualified += delta.qualified();
            contacted += delta.contacted();
            proposals += delta.proposals();
            negotiations += delta.negotiations();
            won += delta.won();
            lost += delta.lost();
            revenue = revenue.add(delta.revenue());
            // whole seconds per change, as each change was always written, so the sums do not depend on batching
            wonCycleSeconds += delta.wonSalesCycles().toSeconds();
        }

        void add(Sums other) {
            leads += other.leads;
            qualified += other.qualified;
            contacted += other.contacted;
            proposals += other.proposals;
            negotiations += other.negotiations;
            won += other.won;
            lost += other.lost;
            revenue = revenue.add(other.revenue);
            wonCycleSeconds += other.wonCycleSeconds;
        }
    }

    private final Map<Hourly, Sums> byHour = new HashMap<>();

    void add(Instant hour, UUID campaignId, Channel channel, Funnel.Counts delta) {
        byHour.computeIfAbsent(new Hourly(hour, campaignId, channel), key -> new Sums()).add(delta);
    }

    /** Writes what was summed, on the transaction's connection, and starts again from nothing. */
    void writeTo(Connection connection) throws SQLException {
        if (byHour.isEmpty()) {
            return;
        }
        Map<Row, Sums> byCampaign = new TreeMap<>(KEY_ORDER);
        Map<Row, Sums> byChannel = new TreeMap<>(KEY_ORDER);
        byHour.forEach((hourly, sums) -> {
            String channel = hourly.channel().name();
            for (Map.Entry<String, Instant> bucket : buckets(hourly.hour()).entrySet()) {
                byCampaign.computeIfAbsent(new Row(bucket.getKey(), bucket.getValue(), hourly.campaignId(), channel),
                        key -> new Sums()).add(sums);
                byChannel.computeIfAbsent(new Row(bucket.getKey(), bucket.getValue(), null, channel),
                        key -> new Sums()).add(sums);
            }
        });
        byHour.clear();
        upsert(connection, true, byCampaign);
        upsert(connection, false, byChannel);
    }

    private static Map<String, Instant> buckets(Instant hour) {
        Instant day = hour.truncatedTo(ChronoUnit.DAYS);
        Instant month = hour.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        return Map.of("H", hour, "D", day, "M", month);
    }

    // unnest keeps the arrays' order, which is the key order
    private static final String LEAD_ROLLUP_UPSERT = """
            INSERT INTO lead_rollup (grain, bucket_start, campaign_id, channel, leads, qualified, contacted, proposals,
                negotiations, won, lost, revenue, won_cycle_seconds)
            SELECT * FROM unnest(?::char(1)[], ?::timestamptz[], ?::uuid[], ?::varchar[], ?::bigint[], ?::bigint[],
                ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::numeric[], ?::bigint[])
            ON CONFLICT (grain, bucket_start, campaign_id, channel) DO UPDATE SET
                leads = lead_rollup.leads + EXCLUDED.leads,
                qualified = lead_rollup.qualified + EXCLUDED.qualified,
                contacted = lead_rollup.contacted + EXCLUDED.contacted,
                proposals = lead_rollup.proposals + EXCLUDED.proposals,
                negotiations = lead_rollup.negotiations + EXCLUDED.negotiations,
                won = lead_rollup.won + EXCLUDED.won,
                lost = lead_rollup.lost + EXCLUDED.lost,
                revenue = lead_rollup.revenue + EXCLUDED.revenue,
                won_cycle_seconds = lead_rollup.won_cycle_seconds + EXCLUDED.won_cycle_seconds""";
    private static final String LEAD_CHANNEL_ROLLUP_UPSERT = """
            INSERT INTO lead_channel_rollup (grain, bucket_start, channel, leads, qualified, contacted, proposals,
                negotiations, won, lost, revenue, won_cycle_seconds)
            SELECT * FROM unnest(?::char(1)[], ?::timestamptz[], ?::varchar[], ?::bigint[], ?::bigint[],
                ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::numeric[], ?::bigint[])
            ON CONFLICT (grain, bucket_start, channel) DO UPDATE SET
                leads = lead_channel_rollup.leads + EXCLUDED.leads,
                qualified = lead_channel_rollup.qualified + EXCLUDED.qualified,
                contacted = lead_channel_rollup.contacted + EXCLUDED.contacted,
                proposals = lead_channel_rollup.proposals + EXCLUDED.proposals,
                negotiations = lead_channel_rollup.negotiations + EXCLUDED.negotiations,
                won = lead_channel_rollup.won + EXCLUDED.won,
                lost = lead_channel_rollup.lost + EXCLUDED.lost,
                revenue = lead_channel_rollup.revenue + EXCLUDED.revenue,
                won_cycle_seconds = lead_channel_rollup.won_cycle_seconds + EXCLUDED.won_cycle_seconds""";

    private static void upsert(Connection connection, boolean withCampaign, Map<Row, Sums> rows)
            throws SQLException {
        List<Object[]> columns = new ArrayList<>();
        int size = rows.size();
        String[] grains = new String[size];
        Timestamp[] buckets = new Timestamp[size];
        UUID[] campaigns = new UUID[size];
        String[] channels = new String[size];
        Long[][] counts = new Long[8][size];
        BigDecimal[] revenue = new BigDecimal[size];
        int i = 0;
        for (Map.Entry<Row, Sums> row : rows.entrySet()) {
            Sums sums = row.getValue();
            grains[i] = row.getKey().grain();
            buckets[i] = Timestamp.from(row.getKey().bucket());
            campaigns[i] = row.getKey().campaignId();
            channels[i] = row.getKey().channel();
            long[] values = {sums.leads, sums.qualified, sums.contacted, sums.proposals, sums.negotiations, sums.won,
                    sums.lost, sums.wonCycleSeconds};
            for (int c = 0; c < values.length; c++) {
                counts[c][i] = values[c];
            }
            revenue[i] = sums.revenue;
            i++;
        }
        columns.add(new Object[] {"char", grains});
        columns.add(new Object[] {"timestamptz", buckets});
        if (withCampaign) {
            columns.add(new Object[] {"uuid", campaigns});
        }
        columns.add(new Object[] {"varchar", channels});
        for (int c = 0; c < 7; c++) {
            columns.add(new Object[] {"int8", counts[c]});
        }
        columns.add(new Object[] {"numeric", revenue});
        columns.add(new Object[] {"int8", counts[7]});
        try (PreparedStatement statement = withCampaign ? connection.prepareStatement(LEAD_ROLLUP_UPSERT)
                : connection.prepareStatement(LEAD_CHANNEL_ROLLUP_UPSERT)) {
            int parameter = 1;
            for (Object[] column : columns) {
                Array array = connection.createArrayOf((String) column[0], (Object[]) column[1]);
                statement.setArray(parameter++, array);
            }
            statement.executeUpdate();
        }
    }
}
