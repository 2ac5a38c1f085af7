package dev.funnel.simulator.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.funnel.simulator.Ledger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * Calls the funnel's public REST APIs over one keep-alive HTTP/1.1 client, every request with the run's
 * bearer token. A refusal (429, any 5xx, no connection, no answer in time) is counted in the ledger and
 * retried with a growing pause until it is answered or {@code giveUpAfter} has passed; then it is counted
 * as given up. Creating calls carry an {@code Idempotency-Key}, so a retry of a request that did reach the
 * service changes nothing twice. A 401 or 403 is neither: the token will not do, and retrying cannot help;
 * it is counted as denied, and {@link #denial()} says what was denied and which role the call needs.
 */
public final class FunnelClient {

    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(2);

    private final HttpClient http;
    private final ObjectMapper json;
    private final Ledger ledger;
    private final Duration requestTimeout;
    private final Duration giveUpAfter;
    private final BearerToken token;
    private volatile String denial;

    public FunnelClient(Ledger ledger, BearerToken token, Duration requestTimeout, Duration giveUpAfter) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        this.json = mapper();
        this.ledger = ledger;
        this.requestTimeout = requestTimeout;
        this.giveUpAfter = giveUpAfter;
        this.token = token;
    }

    /** The JSON mapping of bodies and summaries: ISO dates, decimals as they are. */
    public static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** @param role what the call needs of the token (a {@code Roles} constant), named if it is denied */
    public Optional<Answer> get(String role, URI uri, String what) {
        return send(role, HttpRequest.newBuilder(uri).GET(), what);
    }

    /**
     * @param role           what the call needs of the token (a {@code Roles} constant), named if it is denied
     * @param idempotencyKey sent as {@code Idempotency-Key}; null for calls that take none
     * @return the answer, or empty when every attempt was refused until it was given up, or it was denied
     */
    public Optional<Answer> post(String role, URI uri, Object body, String idempotencyKey, String what) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(role, request, what);
    }

    /** The first call the services denied (401, 403), described with the role it needs; empty while none was. */
    public Optional<String> denial() {
        return Optional.ofNullable(denial);
    }

    /** True once {@code /q/health/ready} of the service at {@code base} answers 200 (one try, no ledger). */
    public boolean ready(URI base) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(base.resolve("/q/health/ready"))
                    .timeout(requestTimeout).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Optional<Answer> send(String role, HttpRequest.Builder builder, String what) {
        HttpRequest request = builder.timeout(requestTimeout).header("Accept", "application/json")
                .header("Authorization", token.header()).build();
        long deadline = System.nanoTime() + giveUpAfter.toNanos();
        Duration pause = FIRST_PAUSE;
        while (true) {
            String refusal;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 401 || status == 403) {
                    deny(status, role, request, what);
                    return Optional.empty();
                }
                if (status != 429 && status < 500) {
                    return Optional.of(new Answer(status, read(response.body())));
                }
                refusal = String.valueOf(status);
                if (status >= 500 && status != 503) {
                    ledger.failed(what + ": " + request.method() + " " + request.uri().getPath() + " answered "
                            + new Answer(status, read(response.body())).problem());
                }
            } catch (HttpTimeoutException e) {
                refusal = "timeout"; // the request may or may not have been applied: the retry's key tells
            } catch (ConnectException e) {
                refusal = "no connection";
            } catch (IOException e) {
                refusal = "connection lost";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ledger.gaveUp(what + " (interrupted)");
                return Optional.empty();
            }
            ledger.refused(refusal);
            if (System.nanoTime() + pause.toNanos() > deadline) {
                ledger.gaveUp(what + " after " + giveUpAfter.toSeconds() + " s of refusals");
                return Optional.empty();
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ledger.gaveUp(what + " (interrupted)");
                return Optional.empty();
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    private void deny(int status, String role, HttpRequest request, String what) {
        String why = status == 401
                ? "the token was not accepted (missing, expired, or signed by a key the service does not trust)"
                : "the token lacks role " + role;
        String described = what + ": " + request.method() + " " + request.uri().getPath() + " answered " + status
                + ", " + why;
        if (denial == null) {
            denial = described;
        }
        ledger.denied(described);
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }
}
