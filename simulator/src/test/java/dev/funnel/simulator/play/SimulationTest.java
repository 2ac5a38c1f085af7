package dev.funnel.simulator.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.funnel.simulator.Ledger;
import dev.funnel.simulator.PlanSettings;
import dev.funnel.simulator.client.BearerToken;
import dev.funnel.simulator.client.Jwts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A run against a stand-in funnel that checks tokens as the services do: it stops at the first denial. */
class SimulationTest {

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aTokenWithoutARoleTheRunNeedsStopsItBeforeAnyRequestNamingTheRole() throws IOException {
        URI funnel = serve(403);
        Simulation simulation = new Simulation(options(funnel, List.of("lead-intake", "marketer")));

        assertThatThrownBy(simulation::run).isInstanceOf(IllegalStateException.class)
                .hasMessage("the token lacks role sales (it carries lead-intake, marketer); "
                        + "the simulator needs a token with roles lead-intake, marketer, sales");
        assertThat(requests).isEmpty();
    }

    @Test
    void theFirstDeniedCallEndsTheRunAtOnceAndNamesTheRoleItNeeds() throws Exception {
        URI funnel = serve(403);
        Simulation simulation = new Simulation(options(funnel, Simulation.ROLES));
        long started = System.nanoTime();

        Ledger.Summary summary = simulation.run();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("a run planned for 30 s")
                .isLessThan(Duration.ofSeconds(10));
        assertThat(simulation.denial()).get().asString().startsWith("hiring ")
                .endsWith(": POST /api/reps answered 403, the token lacks role sales");
        assertThat(summary.denied()).as("no more requests after the first denial").isEqualTo(1);
        assertThat(summary.rejected()).isZero();
        assertThat(summary.campaignsLaunched()).isZero();
        assertThat(requests.stream().filter(r -> r.contains("/api/"))).containsExactly("POST /api/reps");
    }

    private static Simulation.Options options(URI funnel, List<String> roles) {
        String token = Jwts.withRoles(roles, Instant.now().plus(Duration.ofHours(1)));
        return new Simulation.Options(funnel, funnel, funnel, new BearerToken(token), new PlanSettings(1, 10, 2, 5, 1),
                Duration.ofSeconds(30), Duration.ZERO, 20, "USD", "test1", 4, Duration.ofSeconds(5),
                Duration.ofSeconds(2), Duration.ofSeconds(30), null);
    }

    /** Ready at once; every API call answered {@code apiStatus}, as to a token without the role. */
    private URI serve(int apiStatus) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            exchange.getRequestBody().readAllBytes();
            int status = exchange.getRequestURI().getPath().startsWith("/q/health") ? 200 : apiStatus;
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }
}
