package dev.funnel.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FunnelMetricTest {

    @Test
    void everyFunnelFieldIsAMetricByItsApiName() {
        assertThat(FunnelMetric.names()).containsExactly("impressions", "clicks", "visits", "leads", "qualified",
                "contacted", "proposals", "negotiations", "won", "lost", "revenue", "spend", "ctr", "visitToLead",
                "leadToQualified", "qualifiedToWon", "winRate", "avgDealSize", "avgSalesCycleDays", "costPerLead",
                "cac", "roas", "roi");
        assertThat(FunnelMetric.named("conversions")).isEmpty();
    }

    @Test
    void metricReadsItsFieldIncludingANullRatio() {
        Funnel funnel = Funnel.of(new Funnel.Counts(200, 10, 0, 4, 2, 0, 0, 0, 1, 0, new BigDecimal("80"),
                new BigDecimal("40"), Duration.ofDays(2)));

        assertThat(FunnelMetric.named("leads").orElseThrow().valueIn(funnel)).isEqualTo(4L);
        assertThat(FunnelMetric.named("ctr").orElseThrow().valueIn(funnel)).isEqualTo(new BigDecimal("0.0500"));
        assertThat(FunnelMetric.named("roi").orElseThrow().valueIn(funnel)).isEqualTo(new BigDecimal("1.0000"));
        assertThat(FunnelMetric.named("visitToLead").orElseThrow().valueIn(funnel)).isNull();
    }
}
