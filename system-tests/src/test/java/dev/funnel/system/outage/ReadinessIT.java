package dev.funnel.system.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.funnel.system.RunningFunnel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Readiness follows what a service needs: it turns down while the database or Kafka is unreachable and
 * comes back by itself when they return, so an orchestrator routes traffic only where it can be served.
 */
@ExtendWith(RunningFunnel.class)
class ReadinessIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration TURN = Duration.ofSeconds(60);

    @Test
    void everyServiceIsUnreadyWhilePostgresIsDownAndReadyAgainAfter(RunningFunnel funnel) {
        awaitReadiness(funnel, 200, 200, 200);
        funnel.stopPostgres();
        try {
            awaitReadiness(funnel, 503, 503, 503);
            assertThat(get(funnel.marketing("/q/health/live")).statusCode())
                    .as("a lost database is not a reason to restart the process").isEqualTo(200);
        } finally {
            funnel.startPostgres();
        }
        awaitReadiness(funnel, 200, 200, 200);
    }

    @Test
    void consumersAreUnreadyWhileKafkaIsDownAndReadyAgainAfter(RunningFunnel funnel) {
        awaitReadiness(funnel, 200, 200, 200);
        funnel.stopKafka();
        try {
            // marketing stays ready on purpose: its outbox keeps every lead until Kafka is back
            awaitReadiness(funnel, 200, 503, 503);
        } finally {
            funnel.startKafka();
        }
        awaitReadiness(funnel, 200, 200, 200);
    }

    private static void awaitReadiness(RunningFunnel funnel, int marketing, int sales, int analytics) {
        Map<String, URI> services = new LinkedHashMap<>();
        services.put("marketing", funnel.marketing("/q/health/ready"));
        services.put("sales", funnel.sales("/q/health/ready"));
        services.put("analytics", funnel.analytics("/q/health/ready"));
        Map<String, Integer> expected = Map.of("marketing", marketing, "sales", sales, "analytics", analytics);
        await().atMost(TURN).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, Integer> seen = new LinkedHashMap<>();
            services.forEach((name, url) -> seen.put(name, get(url).statusCode()));
            assertThat(seen).as("readiness of each service").isEqualTo(expected);
        });
    }

    private static HttpResponse<String> get(URI url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(url + " did not answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
