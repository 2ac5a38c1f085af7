package dev.funnel.analytics.rebuild;

import static dev.funnel.analytics.FunnelApi.assertFigures;
import static dev.funnel.analytics.FunnelApi.awaitFunnel;
import static dev.funnel.analytics.FunnelApi.get;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.analytics.ConsumerLag;
import dev.funnel.analytics.FunnelEvents;
import dev.funnel.analytics.FunnelScenario;
import dev.funnel.analytics.MarketingLeads;
import dev.funnel.analytics.messaging.SwapLock;
import dev.funnel.contracts.Channel;
import dev.funnel.contracts.CloudEvent;
import dev.funnel.testing.EventProducer;
import dev.funnel.testing.FunnelInfrastructure;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.postgresql.PGStatement;

/**
 * A rebuild replays every topic from the start into fresh tables and swaps them in: the figures are the live ones,
 * events published while it runs and swaps count exactly once, and the swapped-in tables are the live ones in all
 * but their rows' age (same indexes, same names, statements prepared before still work).
 */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class RebuildTest {

    /** Events published during the rebuild happen after this, so the figures before it can be compared. */
    private static final Instant DURING = Instant.parse("2090-01-01T00:00:00Z");
    private static final Duration REBUILD_PATIENCE = Duration.ofSeconds(120);

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRebuildGivesTheLiveFiguresAndCountsEventsArrivingMeanwhileOnce() throws Exception {
        FunnelScenario before = new FunnelScenario(Instant.parse("2024-09-02T00:00:00Z"));
        FunnelEvents.publish(before.events());
        // poison: live dead-letters it, the rebuild skips it
        MarketingLeads.send(MarketingLeads.record(new CloudEvent(UUID.randomUUID(), "dev.funnel.marketing.lead.teleported.v1",
                "/funnel/marketing-service", UUID.randomUUID().toString(), Instant.now()), "{}"));
        awaitFunnel(window(before.day, before.end()), FunnelScenario.TOTAL_FUNNEL);
        ConsumerLag.awaitNone();
        // read more than pgjdbc's prepareThreshold (5) times, so the pooled connections hold server-side
        // prepared statements on the tables about to be replaced
        for (int i = 0; i < 6; i++) {
            figures(before);
        }
        Map<String, JsonNode> live = figures(before);
        Set<String> liveIndexes = indexes();
        Set<String> liveSettings = storageSettings();
        assertThat(liveSettings).as("lead_fact leaves room on its pages for its leads' progress (V6)")
                .contains("lead_fact: fillfactor=80");
        // a statement prepared on the server before the swap, kept on its connection across it
        Connection kept = dataSource.getConnection();
        PreparedStatement preparedBefore = kept.prepareStatement(
                "SELECT * FROM lead_fact WHERE campaign_id = ? ORDER BY created_at");
        for (int i = 0; i < 6; i++) {
            preparedBefore.setObject(1, before.search);
            preparedBefore.executeQuery().close();
        }
        assertThat(preparedBefore.unwrap(PGStatement.class).isUseServerPrepare()).isTrue();

        FunnelScenario during = new FunnelScenario(Instant.parse("2095-03-06T00:00:00Z"));
        UUID streamed = UUID.randomUUID();
        Instant streamStart = Instant.parse("2096-01-01T00:00:00Z");
        AtomicBoolean rebuilt = new AtomicBoolean();
        AtomicInteger leadsPublished = new AtomicInteger();
        Thread producer;
        UUID id;
        try (Connection holder = dataSource.getConnection()) {
            // holding the swap lock stops the rebuild at its first batch, so it is surely underway below
            execute(holder, "SELECT pg_advisory_lock(" + SwapLock.KEY + ")");
            try {
                ExtractableResponse<Response> started = given().post("/api/analytics/rebuild").then()
                        .statusCode(202)
                        .body("state", equalTo("RUNNING"))
                        .extract();
                id = UUID.fromString(started.path("id"));
                assertThat(started.header("Location")).endsWith("/api/analytics/rebuild/" + id);

                given().post("/api/analytics/rebuild").then()
                        .statusCode(409)
                        .contentType(startsWith("application/problem+json"))
                        .body("rebuildId", equalTo(id.toString()))
                        .body("detail", containsString(id.toString()));
                given().get("/api/analytics/rebuild").then()
                        .statusCode(200)
                        .body("id", equalTo(id.toString()))
                        .body("state", equalTo("RUNNING"));

                producer = Thread.ofPlatform().name("publishing-during-rebuild").start(() -> {
                    try (EventProducer events = new EventProducer(FunnelInfrastructure.bootstrapServers())) {
                        during.events().forEach(e -> events.publish(e.envelope(), e.topic(), e.json()));
                        // before, while and after the swap, until the rebuild is seen done
                        for (int i = 0; !rebuilt.get() && i < 5_000; i++) {
                            UUID lead = UUID.randomUUID();
                            Instant at = streamStart.plusSeconds(i);
                            for (FunnelEvents.Event e : List.of(FunnelEvents.generated(lead, streamed, Channel.SOCIAL, at),
                                    FunnelEvents.qualified(lead, at.plusSeconds(1)))) {
                                events.publish(e.envelope(), e.topic(), e.json());
                            }
                            leadsPublished.incrementAndGet();
                        }
                    }
                });
                // the rebuild waits on the lock meanwhile: without this, a quick rebuild could end before the
                // producer's first lead, and nothing would arrive while it ran
                await().atMost(Duration.ofSeconds(30)).until(() -> leadsPublished.get() > 0);
            } finally {
                // a session lock: it would go back to the pool with the connection
                execute(holder, "SELECT pg_advisory_unlock(" + SwapLock.KEY + ")");
            }
        }

        String path = "/api/analytics/rebuild/" + id;
        await().atMost(REBUILD_PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> Set.of("DONE", "FAILED").contains(get(path, Map.of()).get("state").asText()));
        rebuilt.set(true);
        producer.join(Duration.ofSeconds(60).toMillis());
        assertThat(producer.isAlive()).isFalse();
        JsonNode rebuild = get(path, Map.of());
        assertThat(rebuild.get("state").asText()).as(rebuild.toString()).isEqualTo("DONE");
        assertThat(rebuild.get("problem").isNull()).isTrue();
        ConsumerLag.awaitNone();
        assertThat(rebuild.get("finishedAt").isNull()).isFalse();
        assertThat(rebuild.get("eventsSkipped").asLong()).as("the poison record").isGreaterThanOrEqualTo(1);
        assertThat(rebuild.get("eventsApplied").asLong()).isGreaterThanOrEqualTo(rebuild.get("eventsTotal").asLong());
        assertThat(leadsPublished.get()).as("leads published while the rebuild ran").isPositive();

        // every event applied while the rebuild ran counts exactly once: none lost in the swap, none twice
        awaitFunnel(window(during.day, during.end()), FunnelScenario.TOTAL_FUNNEL);
        String leads = Integer.toString(leadsPublished.get());
        assertFigures(get("/api/analytics/funnel", Map.of("from", streamStart.toString(), "campaignId", streamed.toString(),
                "to", "2097-01-01")), Map.of("leads", leads, "qualified", leads));
        // and everything before is as live had it
        Map<String, JsonNode> afterwards = figures(before);
        // the campaign list names every known campaign, also those launched during the rebuild
        Set<String> launchedDuring = Set.of(during.search.toString(), during.email.toString());
        afterwards.put("campaigns", JSON.valueToTree(StreamSupport.stream(afterwards.get("campaigns").spliterator(), false)
                .filter(row -> !launchedDuring.contains(row.get("campaignId").asText())).toList()));
        SoftAssertions softly = new SoftAssertions();
        live.forEach((figure, value) -> softly.assertThat(afterwards.get(figure)).as(figure).isEqualTo(value));
        softly.assertAll();
        assertThat(indexes()).isEqualTo(liveIndexes);
        assertThat(storageSettings()).as("the swapped-in tables keep the live ones' storage settings")
                .isEqualTo(liveSettings);
        // PostgreSQL plans the statement again on the swapped-in tables: the same answer, no error
        try (kept; preparedBefore) {
            preparedBefore.setObject(1, before.search);
            List<UUID> searchLeads = new ArrayList<>();
            try (ResultSet rows = preparedBefore.executeQuery()) {
                while (rows.next()) {
                    searchLeads.add(rows.getObject("lead_id", UUID.class));
                }
            }
            assertThat(searchLeads).containsExactly(before.lead1, before.lead2, before.lead3);
        }
        try (Connection connection = dataSource.getConnection()) {
            assertThat(single(connection, "SELECT count(*) FROM pg_namespace WHERE nspname = 'analytics_rebuild'"))
                    .as("the shadow schema is gone").isEqualTo("0");
            // the live inbox is the rebuilt one: nothing in it was applied before the rebuild started; the live
            // stream, which watches its newest entry, sees the change
            assertThat(instant(connection, "SELECT min(processed_at) FROM processed_event"))
                    .isAfterOrEqualTo(Instant.parse(rebuild.get("startedAt").asText()));
        }
    }

    @Test
    void anUnknownRebuildIsNotFoundAndAMalformedIdIsNamed() {
        given().get("/api/analytics/rebuild/" + UUID.randomUUID()).then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().get("/api/analytics/rebuild/yesterday").then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("id"));
    }

    @Test
    void everyTableIsEitherRebuiltOrKeptOnPurpose() throws SQLException {
        // a table a new migration adds must be named in one of the two lists: a rebuild would drop it or miss it
        Set<String> tables = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        Set<String> named = new HashSet<>(ShadowTables.REPLAYED);
        named.addAll(ShadowTables.KEPT);
        assertThat(tables).isEqualTo(named);
    }

    /** Every figure the API gives over the events before {@link #DURING}, and over the scenario's week. */
    private static Map<String, JsonNode> figures(FunnelScenario s) {
        Map<String, String> all = Map.of("to", DURING.toString());
        Map<String, String> years = Map.of("from", "2024-01-01", "to", "2026-01-01");
        Map<String, String> week = window(s.day, s.end());
        Map<String, JsonNode> figures = new LinkedHashMap<>();
        figures.put("funnel", get("/api/analytics/funnel", all));
        figures.put("funnel week", get("/api/analytics/funnel", week));
        figures.put("funnel search", get("/api/analytics/funnel", with(week, "campaignId", s.search.toString())));
        figures.put("funnel email", get("/api/analytics/funnel", with(week, "campaignId", s.email.toString())));
        figures.put("funnel SEARCH channel", get("/api/analytics/funnel", with(week, "channel", "SEARCH")));
        figures.put("campaigns", get("/api/analytics/campaigns", all));
        figures.put("channels", get("/api/analytics/channels", all));
        for (String model : List.of("first-touch", "last-touch", "linear")) {
            figures.put("attribution " + model, get("/api/analytics/attribution", with(all, "model", model)));
        }
        for (String metric : List.of("leads", "qualified", "won", "revenue", "spend", "impressions", "costPerLead")) {
            figures.put(metric + " by month", get("/api/analytics/timeseries",
                    with(with(years, "metric", metric), "interval", "month")));
            for (String interval : List.of("day", "week")) {
                figures.put(metric + " by " + interval, get("/api/analytics/timeseries",
                        with(with(week, "metric", metric), "interval", interval)));
            }
        }
        return figures;
    }

    /** The live schema's indexes, names and definitions. */
    private Set<String> indexes() throws SQLException {
        return texts("SELECT indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = current_schema()");
    }

    /** The live schema's tables that have storage settings, each as "table: settings" as PostgreSQL lists them. */
    private Set<String> storageSettings() throws SQLException {
        return texts("""
                SELECT c.relname || ': ' || array_to_string(c.reloptions, ', ') FROM pg_class c
                WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND c.reloptions IS NOT NULL""");
    }

    /** The one text column of a query's rows. */
    private Set<String> texts(String query) throws SQLException {
        Set<String> texts = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                texts.add(rows.getString(1));
            }
        }
        return texts;
    }

    private static Map<String, String> window(Instant from, Instant to) {
        return Map.of("from", from.toString(), "to", to.toString());
    }

    private static Map<String, String> with(Map<String, String> query, String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(query);
        more.put(name, value);
        return more;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Instant instant(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getTimestamp(1).toInstant();
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
