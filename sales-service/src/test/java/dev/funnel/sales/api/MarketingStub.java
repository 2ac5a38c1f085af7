package dev.funnel.sales.api;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for marketing's {@code POST /api/leads}, on a free port: it records what it was sent, refuses
 * an email containing "refuse" with a 422 problem, answers one containing "unavailable" with a 503 (marketing
 * failing), and otherwise captures the lead (201 with a new id).
 */
public class MarketingStub implements QuarkusTestResourceLifecycleManager {

    /** One request marketing received. */
    public record Received(String path, String idempotencyKey, String body) {
    }

    public static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the marketing stub", e);
        }
        server.createContext("/api/leads", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            RECEIVED.add(new Received(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"), body));
            if (body.contains("unavailable")) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            boolean refuse = body.contains("refuse");
            String answer = refuse
                    ? "{\"type\":\"https://funnel.dev/problems/invalid-request\",\"title\":\"Invalid request\","
                            + "\"status\":422,\"errors\":[{\"field\":\"email\",\"message\":\"is refused\"}]}"
                    : "{\"id\":\"" + UUID.randomUUID() + "\",\"channel\":\"REFERRAL\"}";
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", refuse ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(refuse ? 422 : 201, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return Map.of("funnel.marketing.url", "http://localhost:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
