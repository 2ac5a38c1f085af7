package dev.funnel.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsScrapeTest {

    private static final String SCRAPE = """
            # TYPE funnel_leads_captured counter
            # HELP funnel_leads_captured Leads posted, by outcome
            funnel_leads_captured_total{outcome="created"} 3.0
            funnel_leads_captured_total{outcome="duplicate"} 1.0
            # TYPE http_server_requests_seconds histogram
            http_server_requests_seconds_bucket{method="GET",uri="/api/leads/{id}",le="0.005"} 2.0
            http_server_requests_seconds_bucket{method="GET",uri="/api/leads/{id}",le="+Inf"} 4.0
            http_server_requests_seconds_count{method="GET",uri="/api/leads/{id}"} 4.0
            # TYPE funnel_outbox_backlog gauge
            funnel_outbox_backlog 0.0
            kafka_consumer_fetch_manager_records_lag{client_id="kafka-consumer-lead-events$1",partition="2",topic="marketing.leads"} NaN
            odd_labels{path="C:\\\\tmp",quote="say \\"hi\\"",lines="a\\nb",} 1.5E3 1700000000000
            """;

    @Test
    void samplesAreReadWithTheirLabelsAndValues() {
        MetricsScrape scrape = MetricsScrape.parse(SCRAPE);

        assertThat(scrape.sum("funnel_leads_captured_total")).isEqualTo(4);
        assertThat(scrape.sum("funnel_leads_captured_total", "outcome", "created")).isEqualTo(3);
        assertThat(scrape.sum("funnel_leads_captured_total", "outcome", "rejected")).isZero();
        assertThat(scrape.has("http_server_requests_seconds_bucket", "uri", "/api/leads/{id}", "le", "+Inf")).isTrue();
        assertThat(scrape.samples("kafka_consumer_fetch_manager_records_lag").get(0).value()).isNaN();
        assertThat(scrape.samples("odd_labels").get(0).labels())
                .containsExactlyInAnyOrderEntriesOf(Map.of("path", "C:\\tmp", "quote", "say \"hi\"", "lines", "a\nb"));
        assertThat(scrape.sum("odd_labels")).isEqualTo(1500);
        assertThat(scrape.names()).containsExactly("funnel_leads_captured_total", "http_server_requests_seconds_bucket",
                "http_server_requests_seconds_count", "funnel_outbox_backlog", "kafka_consumer_fetch_manager_records_lag",
                "odd_labels");
    }

    @Test
    void aSeriesHasTheTypeOfItsFamily() {
        MetricsScrape scrape = MetricsScrape.parse(SCRAPE);

        assertThat(scrape.type("funnel_leads_captured_total")).isEqualTo("counter");
        assertThat(scrape.type("http_server_requests_seconds_bucket")).isEqualTo("histogram");
        assertThat(scrape.type("funnel_outbox_backlog")).isEqualTo("gauge");
        assertThat(scrape.type("odd_labels")).isNull();
    }

    @Test
    void anOpenMetricsExemplarIsNotTakenForTheValue() {
        MetricsScrape scrape = MetricsScrape.parse("""
                # TYPE queue_delay_seconds histogram
                queue_delay_seconds_count{pool="worker"} 43.0 # {span_id="ea1b",trace_id="d2dd"} 1.0 1795414351.618
                # EOF
                """);

        assertThat(scrape.sum("queue_delay_seconds_count", "pool", "worker")).isEqualTo(43);
        assertThatThrownBy(() -> MetricsScrape.parse("x 1 # not-labels 2\n")).hasMessageContaining("exemplar");
    }

    @Test
    void aLineOutsideTheFormatFailsNamingIt() {
        assertThatThrownBy(() -> MetricsScrape.parse("ok 1\nbroken{outcome=\"created\" 1\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> MetricsScrape.parse("no_value{a=\"b\"}\n")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> MetricsScrape.parse("two{a=\"1\",a=\"2\"} 1\n")).hasMessageContaining("twice");
        assertThatThrownBy(() -> MetricsScrape.parse("# TYPE x colour\n")).hasMessageContaining("known type");
        assertThatThrownBy(() -> MetricsScrape.parse("9lives 1\n")).hasMessageContaining("no metric name");
    }
}
