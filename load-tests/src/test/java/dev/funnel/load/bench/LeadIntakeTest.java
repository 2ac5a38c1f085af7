package dev.funnel.load.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The intake against a stand-in marketing that judges the token as the service does. */
class LeadIntakeTest {

    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger posts = new AtomicInteger();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aLeadDeniedForTheTokenStopsEveryWorkerAndNamesTheRole() throws Exception {
        URI marketing = serve(403);
        LeadIntake intake = new LeadIntake(marketing, "the-token", UUID.randomUUID(), "t1", 0, 4);
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(20).toNanos();

        LeadIntake.Outcome outcome = intake.run(start, start, end, new Latencies(),
                new AnalyticsArrival(marketing, "the-token", UUID.randomUUID(), Duration.ofMinutes(1), new Latencies(), start), 10);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("a run planned for 20 s")
                .isLessThan(Duration.ofSeconds(10));
        assertThat(outcome.denial()).isEqualTo("marketing answered 403 to POST /api/leads: the token lacks role lead-intake");
        assertThat(outcome.accepted()).isZero();
        assertThat(posts.get()).as("at most one lead per worker after the first denial").isLessThanOrEqualTo(8);
        assertThat(authorizations).isNotEmpty().allMatch("Bearer the-token"::equals);
    }

    @Test
    void everyLeadCarriesTheToken() throws Exception {
        URI marketing = serve(201);
        LeadIntake intake = new LeadIntake(marketing, "the-token", UUID.randomUUID(), "t2", 50, 2);
        // made before the clock starts, so its setup does not eat into the 400 ms
        AnalyticsArrival arrival = new AnalyticsArrival(marketing, "the-token", UUID.randomUUID(), Duration.ofMinutes(1),
                new Latencies(), System.nanoTime());
        long start = System.nanoTime();

        LeadIntake.Outcome outcome = intake.run(start, start, start + Duration.ofMillis(400).toNanos(), new Latencies(),
                arrival, 1_000_000);

        assertThat(outcome.denial()).isNull();
        assertThat(outcome.firstProblem()).isNull();
        assertThat(outcome.accepted()).isPositive().isEqualTo(authorizations.size());
        assertThat(authorizations).allMatch("Bearer the-token"::equals);
    }

    private URI serve(int status) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/leads", exchange -> {
            posts.incrementAndGet();
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }
}
