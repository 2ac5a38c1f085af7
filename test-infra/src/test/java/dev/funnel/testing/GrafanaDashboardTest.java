package dev.funnel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/grafana/funnel-dashboard.json and deploy/prometheus/prometheus.yml against what the services export:
 * the dashboard queries exactly the metrics of deploy/grafana/dashboard-metrics.txt, which each service's own test
 * finds in a real scrape, through a data source variable rather than a data source of one Grafana.
 */
class GrafanaDashboardTest {

    private static final Set<String> SERVICES = Set.of("marketing-service", "sales-service", "analytics-service");
    private static final String DATASOURCE = "${datasource}";
    /** PromQL words that are no metric: set operators and modifiers (functions are known by the "(" after them). */
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,");

    private static JsonNode dashboard;

    @BeforeAll
    static void read() throws IOException {
        dashboard = new ObjectMapper().readTree(DashboardMetrics.file(DashboardMetrics.DASHBOARD).toFile());
    }

    @Test
    void theDashboardQueriesExactlyTheListedMetrics() {
        Set<String> queried = new LinkedHashSet<>();
        queries().values().forEach(expr -> queried.addAll(metricsIn(expr)));
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            Matcher labelValues = LABEL_VALUES.matcher(variable.path("query").path("query").asText(""));
            if (labelValues.find()) {
                queried.add(labelValues.group(1));
            }
        }

        assertThat(queried).as("metrics the dashboard queries, against " + DashboardMetrics.LIST)
                .containsExactlyInAnyOrderElementsOf(DashboardMetrics.listed().keySet());
    }

    @Test
    void everyListedMetricNamesServicesThatExist() {
        DashboardMetrics.listed().forEach((metric, owners) -> {
            if (!owners.equals(DashboardMetrics.EVERY_SERVICE)) {
                assertThat(SERVICES).as("services exporting %s", metric).containsAll(List.of(owners.split(",")));
            }
        });
    }

    @Test
    void everyPanelQueriesThroughTheDataSourceVariable() {
        JsonNode variables = dashboard.path("templating").path("list");
        assertThat(variables).anySatisfy(variable -> {
            assertThat(variable.path("name").asText()).isEqualTo("datasource");
            assertThat(variable.path("type").asText()).isEqualTo("datasource");
            assertThat(variable.path("query").asText()).isEqualTo("prometheus");
        });
        List<String> uids = new ArrayList<>();
        collectDataSourceUids(dashboard, uids);
        assertThat(uids).as("data source uids anywhere in the dashboard: the variable only, never one Grafana's")
                .isNotEmpty()
                .containsOnly(DATASOURCE);

        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : panels()) {
            assertThat(ids.add(panel.path("id").asInt())).as("panel id %s is unique", panel.path("id")).isTrue();
            assertThat(panel.path("gridPos").path("w").asInt()).as("width of %s", title(panel)).isBetween(1, 24);
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            assertThat(panel.path("datasource").path("uid").asText()).as("data source of %s", title(panel)).isEqualTo(DATASOURCE);
            assertThat(panel.path("targets")).as("queries of %s", title(panel)).isNotEmpty();
            panel.path("targets").forEach(target ->
                    assertThat(target.path("expr").asText()).as("a query of %s", title(panel)).isNotBlank());
        }
    }

    @Test
    void theDashboardShowsTheFunnelAndTheHealthOfTheServices() {
        Map<String, String> queries = queries();
        assertThat(queries.keySet()).contains("Leads per minute, by outcome", "Qualification per minute", "Deals per hour",
                "Won revenue", "Requests per second", "Errors per second", "p99 latency per service",
                "Consumer lag, by topic", "Outbox backlog", "Oldest unsent event", "Dead letters", "Heap used", "CPU");
        assertThat(queries.get("p99 latency per service")).contains("histogram_quantile(0.99");
        assertThat(queries.get("Leads per minute, by outcome")).contains("* 60");
    }

    @Test
    void prometheusScrapesTheMetricsEndpointOfEachServiceUnderItsName() throws IOException {
        JsonNode config = new ObjectMapper(new YAMLFactory())
                .readTree(DashboardMetrics.file("deploy/prometheus/prometheus.yml").toFile());
        Map<String, JsonNode> jobs = new LinkedHashMap<>();
        config.path("scrape_configs").forEach(job -> jobs.put(job.path("job_name").asText(), job));

        assertThat(jobs.keySet()).as("job names, which the dashboard shows as the service").containsAll(SERVICES);
        for (String service : SERVICES) {
            assertThat(jobs.get(service).path("metrics_path").asText()).as("metrics_path of %s", service).isEqualTo("/q/metrics");
            assertThat(jobs.get(service).path("static_configs").get(0).path("targets")).as("targets of %s", service).isNotEmpty();
        }
    }

    /** The metric names in a PromQL expression: what remains once strings, label matchers and ranges are gone. */
    static Set<String> metricsIn(String expr) {
        String bare = expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "");
        Set<String> names = new LinkedHashSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            String word = identifier.group();
            boolean function = identifier.group(1) != null;
            boolean partOfNumber = identifier.start() > 0 && Character.isDigit(bare.charAt(identifier.start() - 1));
            if (!function && !partOfNumber && !KEYWORDS.contains(word.toLowerCase())) {
                names.add(word);
            }
        }
        return names;
    }

    @Test
    void metricNamesAreFoundInTheShapesOfQueryTheDashboardUses() {
        assertThat(metricsIn("histogram_quantile(0.99, sum by (job, le) (rate(http_server_requests_seconds_bucket"
                + "{job=~\"$service\", uri!~\"NOT_FOUND\"}[$__rate_interval])))"))
                .containsExactly("http_server_requests_seconds_bucket");
        assertThat(metricsIn("sum by (job, topic) (kafka_consumer_fetch_manager_records_lag >= 0) or vector(0)"))
                .containsExactly("kafka_consumer_fetch_manager_records_lag");
        assertThat(metricsIn("sum(rate(a_total[5m])) * 3600 / on (job) group_left b_total + 1e3"))
                .containsExactly("a_total", "b_total");
    }

    /** Every query of every panel, by panel title (several queries of one panel joined). */
    private static Map<String, String> queries() {
        Map<String, String> queries = new LinkedHashMap<>();
        for (JsonNode panel : panels()) {
            List<String> exprs = new ArrayList<>();
            panel.path("targets").forEach(target -> exprs.add(target.path("expr").asText()));
            if (!exprs.isEmpty()) {
                queries.merge(title(panel), String.join("\n", exprs), (a, b) -> a + "\n" + b);
            }
        }
        return queries;
    }

    /** Panels at the top level and inside collapsed rows. */
    private static List<JsonNode> panels() {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    private static String title(JsonNode panel) {
        return panel.path("title").asText();
    }

    private static void collectDataSourceUids(JsonNode node, List<String> uids) {
        if (node.isObject()) {
            JsonNode datasource = node.get("datasource");
            if (datasource != null && datasource.isObject()) {
                uids.add(datasource.path("uid").asText(""));
            }
            node.forEach(child -> collectDataSourceUids(child, uids));
        } else if (node.isArray()) {
            node.forEach(child -> collectDataSourceUids(child, uids));
        }
    }
}
