package dev.funnel.system.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.contracts.Topics;
import dev.funnel.contracts.access.Roles;
import dev.funnel.infra.PostgresServer;
import dev.funnel.system.RunningFunnel;
import dev.funnel.system.RunningFunnel.Service;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Erasure, end to end: once marketing has erased a person, no row of any table of any service's database
 * holds their email, names, phone, company or job title, and no event written from the erasure on does.
 * The person is first spread as widely as the funnel spreads anyone: captured with an Idempotency-Key,
 * captured again (a touch), worked through the pipeline to a won deal by a rep whose notes and follow-ups
 * name them, a referrer. After the erasure the first capture is retried (with its Idempotency-Key) and
 * analytics is rebuilt from the topics, since both meet the person's data from before the erasure again.
 *
 * <p>Before the erasure the same searches must find the person where they are meant to be (marketing's and
 * sales' leads, the rep's notes, the events): that is what shows the searches can find anything at all.
 */
@ExtendWith(RunningFunnel.class)
class ErasureLeavesNoTraceIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void afterErasureNoTableOfAnyServiceAndNoLaterEventHoldsThePerson(RunningFunnel funnel) throws Exception {
        Person person = Person.unique();
        UUID campaign = launchCampaign(funnel);
        Capture first = Capture.of(person, campaign);
        String leadId = capture(funnel, first, person, campaign);
        spreadThroughSales(funnel, person, leadId, campaign);

        List<DatabaseSearch.Hit> held = searchDatabases(funnel, person).hits();
        System.out.printf("before the erasure of lead %s, the person is in%n  %s%n", leadId,
                String.join("\n  ", held.stream().map(DatabaseSearch.Hit::toString).toList()));
        assertThat(held.stream().map(hit -> hit.database() + " " + hit.table()).distinct())
                .as("before the erasure the search finds the person where they are kept: %s", held)
                .contains("marketing public.lead", "sales public.lead", "sales public.lead_history",
                        "sales public.follow_up");
        assertThat(held).as("analytics keeps anonymous facts only, even before an erasure")
                .noneMatch(hit -> hit.database().equals("analytics"));
        try (TopicSearch topics = new TopicSearch(funnel.kafkaBootstrapServers())) {
            assertThat(topics.search(topics.fromTheStartOf(Topics.MARKETING_LEADS, Topics.SALES_PIPELINE), person)
                    .hits().stream().map(TopicSearch.Hit::topic))
                    .as("before the erasure the search finds the person's events")
                    .contains(Topics.MARKETING_LEADS, Topics.SALES_PIPELINE);
        }

        erase(funnel, leadId);
        // a client retrying its first capture after the erasure gets the first answer again, and the person stays
        // erased: marketing keeps the answer (no personal data in it), not the person
        assertThat(first.send(funnel).get("id").asText()).isEqualTo(leadId);
        rebuildAnalytics(funnel);

        DatabaseSearch.Result tables = searchDatabases(funnel, person);
        System.out.printf("erasure of lead %s: searched %d tables, %d text columns, %d rows of the three databases "
                + "for %s%n%s", leadId, tables.tables().size(), tables.columns(), tables.rows(), person.marks(),
                tables.coverage());
        assertThat(tables.tables().stream().map(DatabaseSearch.Table::database).distinct())
                .containsExactlyInAnyOrder("marketing", "sales", "analytics");
        assertThat(tables.hits()).as("rows holding the erased person").isEmpty();

        // Events written before the erasure keep the person: LeadGenerated on marketing.leads and the reps' notes on
        // sales.pipeline are the event log, which the topics retain without limit so that analytics can be rebuilt
        // from them. Taking the person out of them too would need crypto-shredding or personal data kept off the
        // topics, which the design does not have. Checked here: nothing written from the erasure on carries them.
        try (TopicSearch topics = new TopicSearch(funnel.kafkaBootstrapServers())) {
            TopicSearch.Position erasure = topics.erasureOf(leadId).orElseThrow(() ->
                    new AssertionError("no LeadErased for lead " + leadId + " on " + Topics.MARKETING_LEADS));
            Map<TopicPartition, Long> after = topics.after(erasure);
            TopicSearch.Result events = topics.search(after, person);
            System.out.printf("erasure of lead %s: LeadErased at %s offset %d (%s); searched %d records written "
                    + "since, by topic %s%n", leadId, erasure.partition(), erasure.offset(), erasure.timestamp(),
                    events.total(), events.records());
            assertThat(events.records().keySet()).as("topics read")
                    .containsAll(Topics.ALL).containsAll(Topics.DEAD_LETTERS);
            assertThat(events.records().get(Topics.MARKETING_LEADS)).as("the erasure event itself is read")
                    .isPositive();
            assertThat(events.hits()).as("records since the erasure holding the erased person").isEmpty();
        }
    }

    /** A campaign of a channel that scores, so the person qualifies at once and a rep can work them. */
    private static UUID launchCampaign(RunningFunnel funnel) throws IOException, InterruptedException {
        JsonNode launched = send(funnel.request(funnel.marketing("/api/campaigns"), Roles.MARKETER), "POST", """
                {"name": "erasure %s", "channel": "EVENT", "budget": 5000, "currency": "USD",
                 "startsOn": "2026-01-01"}""".formatted(UUID.randomUUID()), 201);
        return UUID.fromString(launched.get("id").asText());
    }

    /**
     * The first capture of the person: every personal field, a form's attributes holding the email again, and an
     * Idempotency-Key, so marketing keeps its answer for a retry.
     */
    private record Capture(String idempotencyKey, String body) {

        static Capture of(Person person, UUID campaign) {
            return new Capture(UUID.randomUUID().toString(), """
                    {"email": "%s", "firstName": "%s", "lastName": "%s", "phone": "%s", "company": "%s",
                     "jobTitle": "%s", "country": "GB", "companySize": 1200, "budget": 120000, "currency": "USD",
                     "timeline": "NOW", "campaignId": "%s", "consent": {"marketing": true},
                     "attributes": {"form": "demo-request", "contact": "%s"}}""".formatted(person.email(),
                    person.firstName(), person.lastName(), person.phone(), person.company(), person.jobTitle(), campaign,
                    person.email()));
        }

        JsonNode send(RunningFunnel funnel) throws IOException, InterruptedException {
            return ErasureLeavesNoTraceIT.send(funnel.request(funnel.marketing("/api/leads"), Roles.LEAD_INTAKE)
                    .header("Idempotency-Key", idempotencyKey), "POST", body, 201);
        }
    }

    /** Captures the person twice: {@code first} (a new lead), then again as posted elsewhere (a touch). */
    private static String capture(RunningFunnel funnel, Capture first, Person person, UUID campaign)
            throws IOException, InterruptedException {
        String leadId = first.send(funnel).get("id").asText();
        JsonNode touched = send(funnel.request(funnel.marketing("/api/leads"), Roles.LEAD_INTAKE), "POST", """
                {"email": " %s ", "firstName": "%s", "utm": {"source": "newsletter", "campaign": "%s"}}"""
                .formatted(person.email().toUpperCase(Locale.ROOT), person.firstName(), campaign), 200);
        assertThat(touched.get("id").asText()).isEqualTo(leadId);
        return leadId;
    }

    /**
     * Sales takes the lead, and a rep works it to a won deal: notes and a follow-up that name the person, as
     * reps' notes do; then the customer refers someone else.
     */
    private static void spreadThroughSales(RunningFunnel funnel, Person person, String leadId, UUID campaign)
            throws IOException, InterruptedException {
        URI lead = funnel.sales("/api/leads/" + leadId);
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode taken = get(funnel, lead, Roles.SALES);
            assertThat(taken.path("touches").asInt()).as("sales has both touches").isEqualTo(2);
            assertThat(taken.path("stage").asText()).isEqualTo("QUALIFIED");
        });
        move(funnel, leadId, """
                {"to": "CONTACTED", "by": "Grace (sales)", "note": "Called %s %s on %s"}""".formatted(
                person.firstName(), person.lastName(), person.phone()));
        JsonNode followUp = send(funnel.request(funnel.sales("/api/leads/" + leadId + "/follow-ups"), Roles.SALES),
                "POST", """
                {"kind": "EMAIL", "dueAt": "%s", "by": "Grace (sales)", "note": "Send %s the proposal at %s"}"""
                        .formatted(Instant.now().plus(Duration.ofDays(1)), person.firstName(), person.email()), 201);
        send(funnel.request(funnel.sales("/api/follow-ups/" + followUp.get("id").asText() + "/complete"), Roles.SALES),
                "POST", """
                {"outcome": "%s %s of %s liked it", "by": "Grace (sales)"}""".formatted(person.firstName(),
                        person.lastName(), person.company()), 200);
        move(funnel, leadId, "{\"to\": \"PROPOSAL\", \"by\": \"Grace (sales)\"}");
        move(funnel, leadId, "{\"to\": \"NEGOTIATION\", \"by\": \"Grace (sales)\"}");
        move(funnel, leadId, """
                {"to": "WON", "amount": 9000, "currency": "USD", "by": "Grace (sales)", "note": "%s signed for %s"}"""
                .formatted(person.lastName(), person.company()));
        send(funnel.request(funnel.sales("/api/leads/" + leadId + "/referrals"), Roles.SALES), "POST", """
                {"email": "referred-%s@example.com", "firstName": "Grete", "by": "Grace (sales)"}"""
                .formatted(UUID.randomUUID()), 201);
        // analytics has the lead and its whole pipeline
        URI figures = funnel.analytics("/api/analytics/funnel?campaignId=" + campaign);
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode counted = get(funnel, figures, Roles.ANALYST);
            assertThat(counted.path("leads").asLong()).isEqualTo(1);
            assertThat(counted.path("won").asLong()).isEqualTo(1);
        });
    }

    private static void move(RunningFunnel funnel, String leadId, String transition)
            throws IOException, InterruptedException {
        send(funnel.request(funnel.sales("/api/leads/" + leadId + "/transitions"), Roles.SALES), "POST", transition, 200);
    }

    /** Erases the person in marketing and waits until sales and analytics have taken the erasure. */
    private static void erase(RunningFunnel funnel, String leadId) throws Exception {
        send(funnel.request(funnel.marketing("/api/leads/" + leadId), Roles.ADMIN), "DELETE", null, 204);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                get(funnel, funnel.sales("/api/leads/" + leadId), Roles.SALES).path("erasedAt").isNull())
                .as("sales erased the lead").isFalse());
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(erasedInAnalytics(funnel, leadId))
                .as("analytics took the erasure").isTrue());
    }

    private static boolean erasedInAnalytics(RunningFunnel funnel, String leadId) throws SQLException {
        try (Connection db = DriverManager.getConnection(funnel.jdbcUrl(Service.ANALYTICS), PostgresServer.USER,
                PostgresServer.PASSWORD);
             PreparedStatement select = db.prepareStatement(
                     "SELECT erased_at IS NOT NULL FROM lead_fact WHERE lead_id = ?")) {
            select.setObject(1, UUID.fromString(leadId));
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    /** A rebuild replays the person's events from before the erasure into fresh tables: they must stay out. */
    private static void rebuildAnalytics(RunningFunnel funnel) throws IOException, InterruptedException {
        URI rebuilds = funnel.analytics("/api/analytics/rebuild");
        // 409 while another rebuild is underway: this one must start after the erasure, so it waits its turn
        String id = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            HttpResponse<String> started = HTTP.send(funnel.request(rebuilds, Roles.ADMIN)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(started.statusCode()).as(started.body()).isIn(202, 409);
            return started.statusCode() == 202 ? JSON.readTree(started.body()).get("id").asText() : null;
        }, started -> started != null);
        URI rebuild = funnel.analytics("/api/analytics/rebuild/" + id);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(get(funnel, rebuild, Roles.ADMIN).path("state").asText()).isEqualTo("DONE"));
    }

    private static DatabaseSearch.Result searchDatabases(RunningFunnel funnel, Person person) throws SQLException {
        List<DatabaseSearch.Table> tables = new ArrayList<>();
        List<DatabaseSearch.Hit> hits = new ArrayList<>();
        for (Service service : Service.values()) {
            DatabaseSearch.Result one = DatabaseSearch.search(service.name().toLowerCase(Locale.ROOT),
                    funnel.jdbcUrl(service), PostgresServer.USER, PostgresServer.PASSWORD, person);
            tables.addAll(one.tables());
            hits.addAll(one.hits());
        }
        return new DatabaseSearch.Result(tables, hits);
    }

    private static JsonNode get(RunningFunnel funnel, URI uri, String role) throws IOException, InterruptedException {
        return send(funnel.request(uri, role), "GET", null, 200);
    }

    private static JsonNode send(HttpRequest.Builder request, String method, String body, int expected)
            throws IOException, InterruptedException {
        HttpRequest built = request.header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s answered %s", method, built.uri(), response.body()).isEqualTo(expected);
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }
}
