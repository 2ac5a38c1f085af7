package dev.funnel.load;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.contracts.access.Roles;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The analytics query benchmark, in three phases {@code bench/analytics-queries.sh} runs against a running funnel:
 * <ol>
 *   <li>{@code load}: writes two years of a made-up business into analytics' database ({@link TwoYearsOfFunnel});
 *       skipped when the same load is already there;</li>
 *   <li>{@code check}: asks the API for funnels and compares each figure with SQL over the facts, and stops the
 *       benchmark when one differs: latencies of wrong answers mean nothing;</li>
 *   <li>{@code measure}: a warm-up, then N requests of each query shape over keep-alive HTTP, and a Markdown
 *       table of p50/p90/p99/max and requests per second.</li>
 * </ol>
 * Arguments: the phase, then {@code name=value} settings (see {@link #main}). The API calls carry a bearer
 * token with the role analyst ({@code token=}, else {@code FUNNEL_TOKEN}); one denied ends the run.
 */
public final class AnalyticsQueryLoad {

    /** The analytics API answers within this for a dashboard to feel immediate; the target. */
    private static final double TARGET_P99_MS = 50;

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** What the token must carry: every call reads analytics. */
    private static final List<String> ROLES = List.of(Roles.ANALYST);

    /** The {@code Authorization} header of every call; set once by {@link #main} before the first. */
    private static String authorization;

    /** One kind of request a dashboard makes; the path is made anew for each request (rotating ids, "now"). */
    private record Shape(String name, String example, Supplier<String> path) {
    }

    /** What one shape measured, latencies in nanoseconds. */
    private record Measured(Shape shape, long[] latencies, double seconds, int errors, long bytes) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !List.of("load", "check", "measure").contains(args[0])) {
            System.err.println("""
                    usage: AnalyticsQueryLoad load|check|measure [name=value ...]
                      jdbc=jdbc:postgresql://localhost:15432/analytics  analytics=http://localhost:8083
                      token=T (else FUNNEL_TOKEN): check and measure need a bearer token with the role analyst
                      load:    leads=1000000 campaigns=1150 leadCampaigns=50 reload=false replace=false
                      measure: requests=2000 warmup=60 concurrency=1 report=load-tests/target/analytics-queries.md""");
            System.exit(2);
        }
        Map<String, String> settings = new HashMap<>();
        for (String arg : Arrays.copyOfRange(args, 1, args.length)) {
            int eq = arg.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("not name=value: " + arg);
            }
            settings.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        String jdbc = settings.getOrDefault("jdbc", "jdbc:postgresql://localhost:15432/analytics");
        String analytics = settings.getOrDefault("analytics", "http://localhost:8083");
        if (!args[0].equals("load")) {
            try {
                authorization = Access.header(Access.token(settings.get("token"), System::getenv, ROLES));
            } catch (IllegalArgumentException e) {
                System.err.println("error: " + e.getMessage());
                System.exit(2);
            }
            String denial = denial(client(), analytics);
            if (denial != null) {
                System.err.println("error: " + denial + "; AnalyticsQueryLoad needs a token with the role analyst");
                System.exit(1);
            }
        }
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
            try (Statement s = db.createStatement()) {
                s.execute("SET TimeZone = 'UTC'");
            }
            switch (args[0]) {
                case "load" -> load(db, Integer.parseInt(settings.getOrDefault("leads", "1000000")),
                        Integer.parseInt(settings.getOrDefault("campaigns", "1150")),
                        Integer.parseInt(settings.getOrDefault("leadCampaigns", "50")),
                        Boolean.parseBoolean(settings.getOrDefault("reload", "false")),
                        Boolean.parseBoolean(settings.getOrDefault("replace", "false")));
                case "check" -> {
                    if (!check(db, client(), analytics)) {
                        System.out.println("INCONSISTENT: the API's funnel differs from the facts (above); no latency is worth measuring");
                        System.exit(1);
                    }
                }
                default -> {
                    boolean allAnswered = measure(db, client(), analytics,
                            Integer.parseInt(settings.getOrDefault("requests", "2000")),
                            Integer.parseInt(settings.getOrDefault("warmup", "60")),
                            Integer.parseInt(settings.getOrDefault("concurrency", "1")),
                            Path.of(settings.getOrDefault("report", "load-tests/target/analytics-queries.md")));
                    if (!allAnswered) {
                        System.exit(1);
                    }
                }
            }
        }
    }

    // ---- load

    private static void load(Connection db, int leads, int campaigns, int leadCampaigns, boolean reload, boolean replace)
            throws SQLException, IOException {
        TwoYearsOfFunnel business = new TwoYearsOfFunnel(campaigns, leadCampaigns, leads, Instant.now());
        long leadsThere = TwoYearsOfFunnel.count(db, "SELECT count(*) FROM lead_fact");
        long campaignsThere = TwoYearsOfFunnel.count(db, "SELECT count(*) FROM campaign");
        long ours = TwoYearsOfFunnel.count(db, "SELECT count(*) FROM campaign WHERE name LIKE '" + TwoYearsOfFunnel.CAMPAIGN_PREFIX + "%'");
        long hoursThere = TwoYearsOfFunnel.count(db, "SELECT count(*) FROM awareness_rollup WHERE grain = 'H'");
        if (!reload && leadsThere == leads && campaignsThere == campaigns && ours == campaigns
                && hoursThere == business.awarenessHours()) {
            System.out.printf("analytics already holds this load (%,d leads, %,d campaigns, %,d awareness hours): not loaded again (RELOAD=1 loads anew)%n",
                    leadsThere, campaignsThere, hoursThere);
            return;
        }
        boolean onlyOurs = ours == campaignsThere && (campaignsThere > 0 || leadsThere == 0);
        if (!onlyOurs && !replace) {
            System.out.printf("""
                    analytics holds %,d leads and %,d campaigns that this benchmark did not load; it empties those tables.
                    Run it on a funnel of its own (FUNNEL_HOME and the FUNNEL_*_PORT variables), or set REPLACE=1 to delete them.%n""",
                    leadsThere, campaignsThere - ours);
            System.exit(1);
        }
        System.out.printf("loading %,d leads over %d days from %d campaigns, %,d campaigns with a year of hourly awareness and daily spend (%,d hours), %s to %s%n",
                leads, TwoYearsOfFunnel.DAYS, business.leadCampaigns().size(), campaigns, business.awarenessHours(),
                business.start(), business.end());
        long t0 = System.nanoTime();
        business.load(db);
        System.out.printf("loaded in %.0f s%n", (System.nanoTime() - t0) / 1e9);
    }

    // ---- check

    /** Compares three funnels from the API with SQL over the facts; prints each figure, tells whether all agree. */
    private static boolean check(Connection db, HttpClient http, String analytics) throws Exception {
        UUID campaign = busiestCampaigns(db).getFirst();
        Instant[] sixMonths = sixMonths();
        boolean agree = compare(db, http, analytics, "all time", null, null, null);
        agree &= compare(db, http, analytics, "6 months, odd edges", sixMonths[0], sixMonths[1], null);
        agree &= compare(db, http, analytics, "one campaign, all time", null, null, campaign);
        return agree;
    }

    private static boolean compare(Connection db, HttpClient http, String analytics, String what, Instant from, Instant to,
                                   UUID campaign) throws Exception {
        StringBuilder query = new StringBuilder();
        if (from != null) {
            query.append("&from=").append(from).append("&to=").append(to);
        }
        if (campaign != null) {
            query.append("&campaignId=").append(campaign);
        }
        String path = "/api/analytics/funnel" + (query.isEmpty() ? "" : "?" + query.substring(1));
        Instant asked = Instant.now();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(analytics + path))
                        .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            System.out.printf("check %s: GET %s answered %d: %s%n", what, path, response.statusCode(), response.body());
            return false;
        }
        JsonNode api = JSON.readTree(response.body());
        Map<String, BigDecimal> expected = facts(db, from == null ? Instant.EPOCH : from, to == null ? asked : to, campaign);
        List<String> differ = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> field : expected.entrySet()) {
            BigDecimal answered = api.path(field.getKey()).decimalValue();
            if (answered.compareTo(field.getValue()) != 0) {
                differ.add(field.getKey() + ": API " + answered.toPlainString() + ", facts " + field.getValue().toPlainString());
            }
        }
        System.out.printf("check %-24s GET %s%n  leads %s, qualified %s, won %s, revenue %s, impressions %s, spend %s: %s%n",
                what, path, expected.get("leads"), expected.get("qualified"), expected.get("won"), expected.get("revenue"),
                expected.get("impressions"), expected.get("spend"),
                differ.isEmpty() ? "the API agrees on all " + expected.size() + " counts" : "DIFFERENT " + differ);
        return differ.isEmpty();
    }

    /**
     * The funnel's counts straight from the facts: leads by creation in {@code [from, to)}; awareness by the hours
     * starting in it (the hourly rows are awareness' facts); spend by the days starting in it.
     */
    private static Map<String, BigDecimal> facts(Connection db, Instant from, Instant to, UUID campaign) throws SQLException {
        Map<String, BigDecimal> counts = new LinkedHashMap<>();
        String onlyCampaign = campaign == null ? "" : " AND campaign_id = ?";
        row(db, """
                SELECT count(*) AS leads,
                       count(*) FILTER (WHERE reached_qualified) AS qualified,
                       count(*) FILTER (WHERE reached_contacted) AS contacted,
                       count(*) FILTER (WHERE reached_proposal) AS proposals,
                       count(*) FILTER (WHERE reached_negotiation) AS negotiations,
                       count(*) FILTER (WHERE won_at IS NOT NULL) AS won,
                       count(*) FILTER (WHERE lost) AS lost,
                       coalesce(sum(won_amount) FILTER (WHERE won_at IS NOT NULL), 0) AS revenue
                FROM lead_fact WHERE created_at >= ? AND created_at < ?""" + onlyCampaign, from, to, campaign, counts);
        row(db, """
                SELECT coalesce(sum(impressions), 0) AS impressions, coalesce(sum(clicks), 0) AS clicks,
                       coalesce(sum(visits), 0) AS visits
                FROM awareness_rollup WHERE grain = 'H' AND bucket_start >= ? AND bucket_start < ?""" + onlyCampaign,
                from, to, campaign, counts);
        row(db, "SELECT coalesce(sum(amount), 0) AS spend FROM spend WHERE spent_on::timestamptz >= ? AND spent_on::timestamptz < ?"
                + onlyCampaign, from, to, campaign, counts);
        return counts;
    }

    private static void row(Connection db, String sql, Instant from, Instant to, UUID campaign, Map<String, BigDecimal> into)
            throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setTimestamp(1, Timestamp.from(from));
            statement.setTimestamp(2, Timestamp.from(to));
            if (campaign != null) {
                statement.setObject(3, campaign);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    into.put(rs.getMetaData().getColumnLabel(i), rs.getBigDecimal(i));
                }
            }
        }
    }

    // ---- measure

    private static boolean measure(Connection db, HttpClient http, String analytics, int requests, int warmupSeconds,
                                   int concurrency, Path report) throws Exception {
        List<UUID> campaigns = busiestCampaigns(db);
        List<String> channels = List.of("SOCIAL", "SEARCH", "DISPLAY", "EMAIL", "CONTENT", "EVENT", "PR", "REFERRAL",
                "DIRECT_MAIL", "BROADCAST", "OTHER");
        Instant[] sixMonths = sixMonths();
        AtomicInteger turn = new AtomicInteger();
        List<Shape> shapes = List.of(
                new Shape("funnel, all time", "/api/analytics/funnel", () -> "/api/analytics/funnel"),
                new Shape("funnel, last 30 days", "/api/analytics/funnel?from=<now - 30 d, to the second>",
                        () -> "/api/analytics/funnel?from=" + Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)),
                new Shape("funnel, 6 months, odd edges", "/api/analytics/funnel?from=" + sixMonths[0] + "&to=" + sixMonths[1],
                        () -> "/api/analytics/funnel?from=" + sixMonths[0] + "&to=" + sixMonths[1]),
                new Shape("funnel by campaign", "/api/analytics/funnel?campaignId=<one of " + campaigns.size() + " in turn>",
                        () -> "/api/analytics/funnel?campaignId=" + campaigns.get(Math.floorMod(turn.getAndIncrement(), campaigns.size()))),
                new Shape("funnel by channel", "/api/analytics/funnel?channel=<one of 11 in turn>",
                        () -> "/api/analytics/funnel?channel=" + channels.get(Math.floorMod(turn.getAndIncrement(), channels.size()))),
                new Shape("campaigns", "/api/analytics/campaigns", () -> "/api/analytics/campaigns"),
                new Shape("channels", "/api/analytics/channels", () -> "/api/analytics/channels"),
                new Shape("timeseries, daily, 90 days", "/api/analytics/timeseries?metric=leads&interval=day&from=<today - 90 d>",
                        () -> "/api/analytics/timeseries?metric=leads&interval=day&from=" + LocalDate.now(ZoneOffset.UTC).minusDays(90)));

        String loadBefore = loadAverage();
        System.out.printf("warm-up: %d s, every shape in turn%n", warmupSeconds);
        long warmupEnd = System.nanoTime() + Duration.ofSeconds(warmupSeconds).toNanos();
        int warmed = 0;
        while (System.nanoTime() < warmupEnd) {
            get(http, analytics + shapes.get(warmed++ % shapes.size()).path().get());
        }
        System.out.printf("warm-up: %,d requests%n", warmed);

        List<Measured> results = new ArrayList<>();
        for (Shape shape : shapes) {
            results.add(measureShape(http, analytics, shape, requests, concurrency));
        }

        String table = report(db, results, requests, warmupSeconds, warmed, concurrency, loadBefore);
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, table);
        System.out.println();
        System.out.print(table);
        System.out.println("report written to " + report);
        return results.stream().allMatch(m -> m.errors() == 0);
    }

    private static Measured measureShape(HttpClient http, String analytics, Shape shape, int requests, int concurrency)
            throws InterruptedException {
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long[] bytes = new long[1];
        Progress progress = new Progress(shape.name() + ":", requests);
        long start = System.nanoTime();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            clients.add(Thread.ofPlatform().name("client-" + c).start(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    String url = analytics + shape.path().get();
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> response = get(http, url);
                    latencies[i] = System.nanoTime() - t0;
                    if (response == null || response.statusCode() != 200) {
                        if (errors.getAndIncrement() < 3) {
                            System.out.printf("  %s: GET %s answered %s%n", shape.name(), url,
                                    response == null ? "nothing" : response.statusCode() + " " + new String(response.body()));
                        }
                    } else {
                        bytes[0] = response.body().length;
                    }
                    if (i % 50 == 0) {
                        progress.maybePrint(i);
                    }
                }
            }));
        }
        for (Thread client : clients) {
            client.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("  %s: %,d requests in %.1f s, p99 %.1f ms%n", shape.name(), requests, seconds,
                percentile(latencies, 99) / 1e6);
        return new Measured(shape, latencies, seconds, errors.get(), bytes[0]);
    }

    private static String report(Connection db, List<Measured> results, int requests, int warmupSeconds, int warmed,
                                 int concurrency, String loadBefore) throws SQLException {
        StringBuilder md = new StringBuilder();
        md.append("## Analytics query latency\n\n");
        md.append(String.format("%s, %d cores, load average before %s, after %s. Data: %,d leads in lead_fact, %,d hourly "
                        + "awareness rows, %,d campaigns, %,d lead_rollup rows, %,d spend rows. %,d requests per shape from %d "
                        + "client%s on one keep-alive HTTP/1.1 connection pool, after a %d s warm-up (%,d requests over all shapes).%n%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(), loadBefore,
                loadAverage(), TwoYearsOfFunnel.count(db, "SELECT count(*) FROM lead_fact"),
                TwoYearsOfFunnel.count(db, "SELECT count(*) FROM awareness_rollup WHERE grain = 'H'"),
                TwoYearsOfFunnel.count(db, "SELECT count(*) FROM campaign"),
                TwoYearsOfFunnel.count(db, "SELECT count(*) FROM lead_rollup"),
                TwoYearsOfFunnel.count(db, "SELECT count(*) FROM spend"),
                requests, concurrency, concurrency == 1 ? "" : "s", warmupSeconds, warmed));
        md.append("| shape | p50 ms | p90 ms | p99 ms | max ms | requests/s | body | errors | p99 < 50 ms |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|:-:|\n");
        for (Measured m : results) {
            double p99 = percentile(m.latencies(), 99) / 1e6;
            md.append(String.format("| %s | %.1f | %.1f | %.1f | %.1f | %,.0f | %s | %d | %s |%n", m.shape().name(),
                    percentile(m.latencies(), 50) / 1e6, percentile(m.latencies(), 90) / 1e6, p99,
                    m.latencies()[m.latencies().length - 1] / 1e6, m.latencies().length / m.seconds(), size(m.bytes()),
                    m.errors(), p99 < TARGET_P99_MS ? "yes" : "**no**"));
        }
        md.append("\nRequests:\n\n");
        for (Measured m : results) {
            md.append("- ").append(m.shape().name()).append(": `GET ").append(m.shape().example()).append("`\n");
        }
        return md.toString();
    }

    // ---- shared

    /** The campaigns with the most leads, busiest first, so "by campaign" asks about campaigns with figures. */
    private static List<UUID> busiestCampaigns(Connection db) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement("""
                SELECT campaign_id FROM lead_rollup WHERE grain = 'M' AND campaign_id <> ?
                GROUP BY campaign_id ORDER BY sum(leads) DESC, campaign_id LIMIT 50""")) {
            statement.setObject(1, TwoYearsOfFunnel.NO_CAMPAIGN);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("analytics has no leads of any campaign: load first");
        }
        return ids;
    }

    /**
     * About six months within the two years, starting and ending on odd minutes, so a query reads months, days
     * and hours from the rollups and the minutes at both edges from lead_fact.
     */
    private static Instant[] sixMonths() {
        Instant from = LocalDate.now(ZoneOffset.UTC).minusDays(400).atStartOfDay(ZoneOffset.UTC).toInstant()
                .plus(Duration.ofHours(7).plusMinutes(23));
        return new Instant[] {from, from.plus(Duration.ofDays(182).plusHours(9).plusMinutes(18))};
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The answer, or null when there was none (the failure is counted, the run goes on). */
    private static HttpResponse<byte[]> get(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                            .header("Authorization", authorization).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Why analytics denies the token, from one look at its funnel; null when it admits it. */
    private static String denial(HttpClient http, String analytics) {
        HttpResponse<byte[]> response = get(http, analytics + "/api/analytics/funnel");
        if (response == null || !Access.denies(response.statusCode())) {
            return null; // no answer is for the phases to meet and report
        }
        return "analytics answered " + response.statusCode() + " to GET /api/analytics/funnel: "
                + Access.whyDenied(response.statusCode(), Roles.ANALYST);
    }

    /** Nearest-rank percentile of sorted values. */
    private static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String size(long bytes) {
        return bytes < 10_000 ? bytes + " B" : String.format("%,d kB", bytes / 1000);
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private AnalyticsQueryLoad() {
    }
}
