package dev.funnel.system.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.funnel.contracts.access.Roles;
import dev.funnel.system.RunningFunnel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A known piece of business played through the three services' public APIs, on a funnel of its
 * own: three campaigns with spend and awareness, fifty leads (five of them coming back through a
 * second campaign), qualification, and deals won and lost. Every figure analytics shows is then
 * checked against what this test computes from the scenario by itself.
 */
class FunnelScenarioIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final int LEADS = 50;
    /** Qualified by a rep: every even lead. */
    private static final Set<Integer> QUALIFIED = Set.of(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32,
            34, 36, 38, 40, 42, 44, 46, 48);
    private static final Set<Integer> WON = Set.of(0, 2, 4, 6, 8, 26, 28, 40);
    /** Lost, each from the stage named: 10 and 12 after contact, 30 at proposal, 42 straight from qualified. */
    private static final Map<Integer, List<String>> LOST = Map.of(
            10, List.of("CONTACTED"), 12, List.of("CONTACTED"), 30, List.of("CONTACTED", "PROPOSAL"), 42, List.of());
    /** Leads that come back through the social campaign after their first touch. */
    private static final Set<Integer> RETURNING = Set.of(0, 1, 2, 3, 4);

    private static RunningFunnel funnel;

    @BeforeAll
    static void start() {
        funnel = RunningFunnel.startPrivate();
    }

    @AfterAll
    static void stop() {
        if (funnel != null) {
            funnel.close();
        }
    }

    /** What the test knows about one campaign: its spend, awareness and the leads it brought first. */
    private record Plan(String name, String channel, BigDecimal spend, long impressions, long clicks, long visits) {
    }

    @Test
    void analyticsShowsExactlyTheFiguresOfThePlayedScenario() throws Exception {
        // every lead arrives disqualified; the reps then qualify exactly the ones the scenario names
        JsonNode rules = get(funnel.sales("/api/scoring"), Roles.ADMIN);
        ((ObjectNode) rules).put("threshold", 10_000);
        send("PUT", funnel.sales("/api/scoring"), Roles.ADMIN, rules, 200);

        List<Plan> plans = List.of(
                new Plan("Scenario search", "SEARCH", new BigDecimal("2000.00"), 10_000, 400, 200),
                new Plan("Scenario social", "SOCIAL", new BigDecimal("800.00"), 5_000, 150, 90),
                new Plan("Scenario email", "EMAIL", new BigDecimal("200.00"), 2_000, 60, 30));
        List<UUID> campaigns = new ArrayList<>();
        Instant now = Instant.now();
        String today = LocalDate.ofInstant(now, ZoneOffset.UTC).toString();
        for (Plan plan : plans) {
            JsonNode launched = send("POST", funnel.marketing("/api/campaigns"), Roles.MARKETER, Map.of("name", plan.name(),
                    "channel", plan.channel(), "budget", 10_000, "currency", "USD", "startsOn", today), 201);
            UUID id = UUID.fromString(launched.get("id").asText());
            campaigns.add(id);
            // the spend in two parts, the awareness in three kinds: all must add up
            BigDecimal half = plan.spend().divide(BigDecimal.TWO, 2, RoundingMode.UNNECESSARY);
            for (int part = 0; part < 2; part++) {
                send("POST", funnel.marketing("/api/campaigns/" + id + "/spend"), Roles.MARKETER,
                        Map.of("amount", half, "currency", "USD", "spentOn", today), 201);
            }
            String at = now.minusSeconds(5).toString();
            send("POST", funnel.marketing("/api/awareness"), Roles.LEAD_INTAKE, List.of(
                    Map.of("campaignId", id, "kind", "IMPRESSION", "count", plan.impressions(), "occurredAt", at),
                    Map.of("campaignId", id, "kind", "CLICK", "count", plan.clicks(), "occurredAt", at),
                    Map.of("campaignId", id, "kind", "VISIT", "count", plan.visits(), "occurredAt", at)), 202);
        }

        String run = UUID.randomUUID().toString().substring(0, 8);
        List<UUID> leads = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
            JsonNode captured = send("POST", funnel.marketing("/api/leads"), Roles.LEAD_INTAKE,
                    Map.of("email", "scenario-" + run + "-" + i + "@example.com", "company", "Scenario " + i,
                            "campaignId", campaigns.get(campaignOf(i))), 201);
            leads.add(UUID.fromString(captured.get("id").asText()));
        }
        for (int i : RETURNING) {
            send("POST", funnel.marketing("/api/leads"), Roles.LEAD_INTAKE, Map.of("email", "scenario-" + run + "-" + i + "@example.com",
                    "campaignId", campaigns.get(1)), 200);
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (UUID lead : leads) {
                assertThat(status(funnel.sales("/api/leads/" + lead), Roles.SALES)).as("sales has %s", lead).isEqualTo(200);
            }
        });
        for (int i = 0; i < LEADS; i++) {
            UUID lead = leads.get(i);
            await().atMost(Duration.ofSeconds(30)).until(() -> get(funnel.sales("/api/leads/" + lead), Roles.SALES).get("stage").asText()
                    .equals("DISQUALIFIED"));
            if (!QUALIFIED.contains(i)) {
                continue;
            }
            move(lead, Map.of("to", "QUALIFIED", "note", "a rep overrides the rules"));
            if (WON.contains(i)) {
                move(lead, Map.of("to", "CONTACTED"));
                move(lead, Map.of("to", "PROPOSAL"));
                move(lead, Map.of("to", "NEGOTIATION"));
                move(lead, Map.of("to", "WON", "amount", amountOf(i), "currency", "USD"));
            } else if (LOST.containsKey(i)) {
                for (String stage : LOST.get(i)) {
                    move(lead, Map.of("to", stage));
                }
                move(lead, Map.of("to", "LOST", "reason", "PRICE"));
            }
        }

        // the expected figures, computed here from the scenario alone
        Map<String, Object> expected = expectedFunnel(plans, i -> true, salesCycleDays(leads));
        URI whole = funnel.analytics("/api/analytics/funnel");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertFigures(get(whole, Roles.ANALYST), expected, "funnel"));

        for (int c = 0; c < campaigns.size(); c++) {
            int campaign = c;
            Map<String, Object> row = expectedFunnel(List.of(plans.get(c)), i -> campaignOf(i) == campaign,
                    salesCycleDays(leads, i -> campaignOf(i) == campaign));
            JsonNode rows = get(funnel.analytics("/api/analytics/campaigns"), Roles.ANALYST);
            JsonNode actual = find(rows, "campaignId", campaigns.get(c).toString());
            assertThat(actual.get("name").asText()).isEqualTo(plans.get(c).name());
            assertThat(actual.get("channel").asText()).isEqualTo(plans.get(c).channel());
            assertFigures(actual, row, "campaign row " + plans.get(c).name());
        }

        // attribution: leads 0, 2 and 4 were won after coming back through the social campaign
        for (String model : List.of("first-touch", "last-touch", "linear")) {
            JsonNode attribution = get(funnel.analytics("/api/analytics/attribution?model=" + model), Roles.ANALYST);
            BigDecimal total = revenueOf(WON);
            assertThat(attribution.get("totalRevenue").decimalValue()).as(model + " total").isEqualByComparingTo(total);
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonNode row : attribution.get("campaigns")) {
                sum = sum.add(row.get("revenue").decimalValue());
            }
            assertThat(sum).as(model + ": the campaigns' revenue adds up to the total").isEqualByComparingTo(total);
            for (int c = 0; c < campaigns.size(); c++) {
                JsonNode row = find(attribution.get("campaigns"), "campaignId", campaigns.get(c).toString());
                assertThat(row.get("revenue").decimalValue()).as("%s revenue of %s", model, plans.get(c).name())
                        .isEqualByComparingTo(attributed(model, c));
            }
        }
    }

    private static int campaignOf(int lead) {
        return lead < 25 ? 0 : lead < 40 ? 1 : 2;
    }

    private static BigDecimal amountOf(int lead) {
        return new BigDecimal(1_000 + 250 * lead).setScale(2, RoundingMode.UNNECESSARY);
    }

    private static BigDecimal revenueOf(Set<Integer> leads) {
        return leads.stream().map(FunnelScenarioIT::amountOf).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Revenue the model gives campaign {@code c}: returning leads touched their own campaign, then social. */
    private static BigDecimal attributed(String model, int c) {
        BigDecimal revenue = BigDecimal.ZERO;
        for (int lead : WON) {
            BigDecimal amount = amountOf(lead);
            List<Integer> touches = RETURNING.contains(lead) ? List.of(campaignOf(lead), 1) : List.of(campaignOf(lead));
            BigDecimal share = switch (model) {
                case "first-touch" -> touches.get(0) == c ? amount : BigDecimal.ZERO;
                case "last-touch" -> touches.get(touches.size() - 1) == c ? amount : BigDecimal.ZERO;
                default -> amount.multiply(BigDecimal.valueOf(touches.stream().filter(t -> t == c).count()))
                        .divide(BigDecimal.valueOf(touches.size()), 6, RoundingMode.HALF_UP);
            };
            revenue = revenue.add(share);
        }
        return revenue;
    }

    private static Map<String, Object> expectedFunnel(List<Plan> plans, java.util.function.IntPredicate ofLead,
                                                      BigDecimal cycleDays) {
        long impressions = plans.stream().mapToLong(Plan::impressions).sum();
        long clicks = plans.stream().mapToLong(Plan::clicks).sum();
        long visits = plans.stream().mapToLong(Plan::visits).sum();
        BigDecimal spend = plans.stream().map(Plan::spend).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Integer> mine = java.util.stream.IntStream.range(0, LEADS).filter(ofLead).boxed().toList();
        long leads = mine.size();
        long qualified = mine.stream().filter(QUALIFIED::contains).count();
        long won = mine.stream().filter(WON::contains).count();
        long lost = mine.stream().filter(LOST::containsKey).count();
        long contacted = won + mine.stream().filter(i -> LOST.getOrDefault(i, List.of()).contains("CONTACTED")).count();
        long proposals = won + mine.stream().filter(i -> LOST.getOrDefault(i, List.of()).contains("PROPOSAL")).count();
        BigDecimal revenue = revenueOf(Set.copyOf(mine.stream().filter(WON::contains).toList()));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("impressions", impressions);
        f.put("clicks", clicks);
        f.put("visits", visits);
        f.put("leads", leads);
        f.put("qualified", qualified);
        f.put("contacted", contacted);
        f.put("proposals", proposals);
        f.put("negotiations", won);
        f.put("won", won);
        f.put("lost", lost);
        f.put("revenue", revenue);
        f.put("spend", spend);
        f.put("ctr", ratio(clicks, impressions));
        f.put("visitToLead", ratio(leads, visits));
        f.put("leadToQualified", ratio(qualified, leads));
        f.put("qualifiedToWon", ratio(won, qualified));
        f.put("winRate", ratio(won, won + lost));
        f.put("avgDealSize", won == 0 ? null : revenue.divide(BigDecimal.valueOf(won), 2, RoundingMode.HALF_UP));
        f.put("avgSalesCycleDays", won == 0 ? null : cycleDays);
        f.put("costPerLead", leads == 0 ? null : spend.divide(BigDecimal.valueOf(leads), 2, RoundingMode.HALF_UP));
        f.put("cac", won == 0 ? null : spend.divide(BigDecimal.valueOf(won), 2, RoundingMode.HALF_UP));
        f.put("roas", spend.signum() == 0 ? null : revenue.divide(spend, 4, RoundingMode.HALF_UP));
        f.put("roi", spend.signum() == 0 ? null : revenue.subtract(spend).divide(spend, 4, RoundingMode.HALF_UP));
        return f;
    }

    private static BigDecimal ratio(long over, long under) {
        return under == 0 ? null : BigDecimal.valueOf(over).divide(BigDecimal.valueOf(under), 4, RoundingMode.HALF_UP);
    }

    private BigDecimal salesCycleDays(List<UUID> leads) throws Exception {
        return salesCycleDays(leads, i -> true);
    }

    /** Mean days from a won lead's creation (marketing) to its win (sales), to one decimal. */
    private BigDecimal salesCycleDays(List<UUID> leads, java.util.function.IntPredicate ofLead) throws Exception {
        BigDecimal seconds = BigDecimal.ZERO;
        int won = 0;
        for (int i : WON) {
            if (!ofLead.test(i)) {
                continue;
            }
            Instant created = Instant.parse(get(funnel.marketing("/api/leads/" + leads.get(i)), Roles.MARKETER).get("createdAt").asText());
            Instant wonAt = Instant.parse(get(funnel.sales("/api/leads/" + leads.get(i)), Roles.SALES).get("stageChangedAt").asText());
            seconds = seconds.add(BigDecimal.valueOf(Duration.between(created, wonAt).toMillis()).movePointLeft(3));
            won++;
        }
        return won == 0 ? null : seconds.divide(BigDecimal.valueOf(86_400L * won), 1, RoundingMode.HALF_UP);
    }

    private static void assertFigures(JsonNode actual, Map<String, Object> expected, String what) {
        SoftAssertions softly = new SoftAssertions();
        expected.forEach((field, value) -> {
            JsonNode figure = actual.get(field);
            softly.assertThat(figure).as("%s %s is present", what, field).isNotNull();
            if (figure == null) {
                return;
            }
            if (value == null) {
                softly.assertThat(figure.isNull()).as("%s %s is null, was %s", what, field, figure).isTrue();
            } else {
                softly.assertThat(figure.decimalValue()).as("%s %s", what, field)
                        .isEqualByComparingTo(new BigDecimal(value.toString()));
            }
        });
        softly.assertAll();
    }

    private static JsonNode find(JsonNode rows, String field, String value) {
        for (JsonNode row : rows) {
            if (value.equals(row.path(field).asText())) {
                return row;
            }
        }
        throw new AssertionError("no row with " + field + " " + value + " in " + rows);
    }

    private static void move(UUID lead, Map<String, Object> transition) throws Exception {
        send("POST", funnel.sales("/api/leads/" + lead + "/transitions"), Roles.SALES, transition, 200);
    }

    /** Every call names the role its endpoint admits (README, Security), and carries a token with that one alone. */
    private static JsonNode get(URI uri, String role) throws Exception {
        HttpResponse<String> response = HTTP.send(funnel.request(uri, role).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", uri, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static int status(URI uri, String role) throws Exception {
        return HTTP.send(funnel.request(uri, role).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static JsonNode send(String method, URI uri, String role, Object body, int expectedStatus) throws Exception {
        HttpResponse<String> response = HTTP.send(funnel.request(uri, role)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, uri, response.body()).isEqualTo(expectedStatus);
        return response.body().isEmpty() ? null : JSON.readTree(response.body());
    }
}
