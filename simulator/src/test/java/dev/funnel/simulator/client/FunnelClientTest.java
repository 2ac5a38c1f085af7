package dev.funnel.simulator.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.funnel.simulator.Ledger;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against a stand-in HTTP server that answers as a service under trouble does. */
class FunnelClientTest {

    private final Ledger ledger = new Ledger();
    private static final BearerToken TOKEN = new BearerToken(
            Jwts.withRoles(List.of("lead-intake", "marketer", "sales"), java.time.Instant.now().plusSeconds(3600)));

    private final List<String> keys = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aRefusedRequestIsRetriedWithTheSameKeyUntilConfirmedAndTheRefusalsCountedApart() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        URI base = serve(() -> switch (calls.incrementAndGet()) {
            case 1 -> 503;
            case 2 -> 429;
            default -> 201;
        });
        FunnelClient client = new FunnelClient(ledger, TOKEN, Duration.ofSeconds(2), Duration.ofSeconds(10));

        Optional<Answer> answer = client.post("lead-intake", base.resolve("/api/leads"), Map.of("email", "a@b.example"), "key-1", "a lead");

        assertThat(answer).get().extracting(Answer::status).isEqualTo(201);
        assertThat(answer.get().body().path("id").asText()).isEqualTo("42");
        assertThat(keys).containsExactly("key-1", "key-1", "key-1");
        assertThat(authorizations).as("every attempt carries the token").containsExactly(
                TOKEN.header(), TOKEN.header(), TOKEN.header());
        assertThat(ledger.summary().refused()).isEqualTo(2);
        assertThat(ledger.summary().refusedBy()).isEqualTo(Map.of("503", 1L, "429", 1L));
        assertThat(ledger.summary().gaveUp()).isZero();
        assertThat(ledger.summary().problems()).as("503 and 429 say: come back later").isEmpty();
    }

    @Test
    void aServerFailureIsRetriedLikeARefusalAndDescribedAmongTheProblems() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        URI base = serve(() -> calls.incrementAndGet() == 1 ? 500 : 201);
        FunnelClient client = new FunnelClient(ledger, TOKEN, Duration.ofSeconds(2), Duration.ofSeconds(10));

        Optional<Answer> answer = client.post("lead-intake", base.resolve("/api/leads"), Map.of(), "key-5", "a lead");

        assertThat(answer).get().extracting(Answer::status).isEqualTo(201);
        assertThat(keys).containsExactly("key-5", "key-5");
        assertThat(ledger.summary().refusedBy()).isEqualTo(Map.of("500", 1L));
        assertThat(ledger.summary().problems()).containsExactly(
                "failed: a lead: POST /api/leads answered 500 stand-in trouble");
    }

    @Test
    void aRequestRefusedForLongerThanAllowedIsGivenUpVisibly() throws IOException {
        URI base = serve(() -> 503);
        FunnelClient client = new FunnelClient(ledger, TOKEN, Duration.ofSeconds(2), Duration.ofMillis(500));

        Optional<Answer> answer = client.post("lead-intake", base.resolve("/api/leads"), Map.of(), "key-2", "a lead");

        assertThat(answer).isEmpty();
        assertThat(ledger.summary().refused()).isGreaterThanOrEqualTo(2);
        assertThat(ledger.summary().gaveUp()).isEqualTo(1);
        assertThat(ledger.summary().problems()).singleElement().asString().startsWith("gave up: a lead");
    }

    @Test
    void noServiceListeningIsARefusalToo() {
        FunnelClient client = new FunnelClient(ledger, TOKEN, Duration.ofSeconds(1), Duration.ofMillis(300));

        Optional<Answer> answer = client.get("sales", URI.create("http://127.0.0.1:1/api/leads"), "a read");

        assertThat(answer).isEmpty();
        assertThat(ledger.summary().refusedBy()).containsOnlyKeys("no connection");
        assertThat(ledger.summary().gaveUp()).isEqualTo(1);
    }

    @Test
    void aRejectionIsAnsweredAtOnceWithoutRetry() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        URI base = serve(() -> {
            calls.incrementAndGet();
            return 422;
        });
        FunnelClient client = new FunnelClient(ledger, TOKEN, Duration.ofSeconds(2), Duration.ofSeconds(10));

        Optional<Answer> answer = client.post("lead-intake", base.resolve("/api/leads"), Map.of(), null, "a lead");

        assertThat(answer).get().extracting(Answer::status).isEqualTo(422);
        assertThat(answer.get().confirms()).isFalse();
        assertThat(calls).hasValue(1);
        assertThat(ledger.summary().refused()).isZero();
    }

    @Test
    void aForbiddenCallIsDeniedOnceNamingTheRoleItNeedsAndIsNeitherRetriedNorBusiness() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        URI base = serve(() -> {
            calls.incrementAndGet();
            return 403;
        });
        FunnelClient client = new FunnelClient(ledger, TOKEN, Duration.ofSeconds(2), Duration.ofSeconds(10));

        Optional<Answer> answer = client.post("marketer", base.resolve("/api/campaigns"), Map.of(), "key-3",
                "launching Spring search");

        assertThat(answer).isEmpty();
        assertThat(calls).hasValue(1);
        assertThat(client.denial()).contains(
                "launching Spring search: POST /api/campaigns answered 403, the token lacks role marketer");
        Ledger.Summary summary = ledger.summary();
        assertThat(summary.denied()).isEqualTo(1);
        assertThat(summary.rejected()).isZero();
        assertThat(summary.refused()).isZero();
        assertThat(summary.gaveUp()).isZero();
        assertThat(summary.problems()).containsExactly("denied: " + client.denial().orElseThrow());
    }

    @Test
    void anUnacceptedTokenIsDeniedAsSuchAndTheFirstDenialIsKept() throws IOException {
        URI base = serve(() -> 401);
        FunnelClient client = new FunnelClient(ledger, TOKEN, Duration.ofSeconds(2), Duration.ofSeconds(10));

        client.get("sales", base.resolve("/api/leads?stage=QUALIFIED"), "listing qualified leads");
        client.post("lead-intake", base.resolve("/api/leads"), Map.of(), null, "a lead");

        assertThat(client.denial()).contains("listing qualified leads: GET /api/leads answered 401, the token was not "
                + "accepted (missing, expired, or signed by a key the service does not trust)");
        assertThat(ledger.summary().denied()).isEqualTo(2);
    }

    private URI serve(java.util.function.IntSupplier status) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (key != null) {
                keys.add(key);
            }
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.getRequestBody().readAllBytes();
            int answer = status.getAsInt();
            byte[] body = (answer < 300 ? "{\"id\":\"42\"}" : "{\"status\":" + answer + ",\"detail\":\"stand-in trouble\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }
}
