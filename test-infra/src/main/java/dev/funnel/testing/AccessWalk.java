package dev.funnel.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.contracts.access.Roles;
import dev.funnel.infra.AccessTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Calls every operation of a service's OpenAPI document as each kind of caller, and lists every answer that breaks
 * the access rules: no token, an expired token and a token signed by another key get 401 with the bearer challenge;
 * a valid token without an admitted role gets 403; a token holding only one admitted role succeeds (2xx). Both
 * refusals are problem+json. The roles each operation's {@code security} lists in the document must be the same, so
 * callers are told the truth.
 *
 * <p>The roles each operation admits are given by the test ({@code "POST /api/leads" -> lead-intake}), not read
 * from the code or the document: the test states the rules, and an operation missing from it is itself a failure,
 * so a new endpoint cannot be forgotten. So that the admitted callers can succeed, the test also says what to call
 * where the document alone cannot: real ids in the path, required query parameters, a body fitting the test's data
 * instead of the document's example. Every caller sends the same request, so the refused ones prove that a refusal
 * depends on the token alone.
 */
public final class AccessWalk {

    /** Admits every caller, with a token or without (signing out, say). */
    public static final Set<String> ANYONE = Set.of("*anyone*");

    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}/]+)}");

    /** Made once: generating an RSA pair takes a good part of a second. */
    private static final java.security.PrivateKey STRANGER = AccessTokens.strangerKeyPair().getPrivate();

    private final URI base;
    private final AccessTokens tokens;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> failures = new ArrayList<>();
    private int calls;

    private AccessWalk(URI base, AccessTokens tokens) {
        this.base = base;
        this.tokens = tokens;
    }

    /**
     * @param base     the service's root ({@code http://localhost:8081/})
     * @param document the service's OpenAPI document
     * @param admitted the roles each operation admits, by {@code "VERB /path/{template}"}
     * @param calls    what to send for an operation, by the same key, where its template path or example body
     *                 would not succeed; an operation whose path has an id must be given one
     * @return the failures, each naming the operation, the caller and what was answered; empty when all is well
     */
    public static Result walk(URI base, JsonNode document, AccessTokens tokens, Map<String, Set<String>> admitted,
                              Map<String, Call> calls) {
        AccessWalk walk = new AccessWalk(base, tokens);
        Set<String> documented = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (String verb : ApiDocument.names(path.getValue())) {
                String operation = verb.toUpperCase() + " " + path.getKey();
                documented.add(operation);
                Set<String> roles = admitted.get(operation);
                if (roles == null) {
                    walk.failures.add(operation + ": not in the test's access rules; say which roles it admits");
                    continue;
                }
                JsonNode spec = path.getValue().path(verb);
                Set<String> documentedRoles = new TreeSet<>();
                spec.path("security").forEach(requirement -> requirement.elements()
                        .forEachRemaining(scopes -> scopes.forEach(role -> documentedRoles.add(role.asText()))));
                if (!documentedRoles.equals(roles == ANYONE ? Set.of() : new TreeSet<>(roles))) {
                    walk.failures.add(operation + ": the document says it admits " + documentedRoles + ", the rules say "
                            + (roles == ANYONE ? "anyone" : new TreeSet<>(roles)));
                }
                Call call = calls.get(operation);
                if (call == null && TEMPLATE.matcher(path.getKey()).find()) {
                    walk.failures.add(operation + ": say which id to call it with, so its admitted roles can succeed");
                    continue;
                }
                String concrete = call == null ? path.getKey() : call.path();
                String body = call == null || call.body() == null ? exampleBody(spec) : call.body();
                walk.check(verb.toUpperCase(), concrete.substring(1), body, operation, roles);
            }
        }
        for (String stated : admitted.keySet()) {
            if (!documented.contains(stated)) {
                walk.failures.add(stated + ": in the access rules but not in the document");
            }
        }
        for (String given : calls.keySet()) {
            if (!documented.contains(given)) {
                walk.failures.add(given + ": a call is given for it, but it is not in the document");
            }
        }
        return new Result(walk.failures, documented.size(), walk.calls);
    }

    /** What a walk found: its failures, and how much it covered. */
    public record Result(List<String> failures, int operations, int calls) {
    }

    /**
     * What to send for one operation.
     *
     * @param path from the root, with real ids and any query ({@code /api/leads/6f0c…})
     * @param body the JSON body; null sends the operation's first example from the document
     */
    public record Call(String path, String body) {

        public Call {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("a path from the root, starting with /: " + path);
            }
        }

        public static Call to(String path) {
            return new Call(path, null);
        }

        public Call with(String json) {
            return new Call(path, json);
        }
    }

    private void check(String verb, String path, String body, String operation, Set<String> roles) {
        if (roles == ANYONE) {
            expectSuccess(call(verb, path, body, null), operation, "no token");
            return;
        }
        Instant now = Instant.now();
        expectUnauthenticated(call(verb, path, body, null), operation, "no token");
        // an hour ago, well past the verifier's allowance for clock skew
        expectUnauthenticated(call(verb, path, body, tokens.token("expired", Roles.ALL, now.minusSeconds(7_200),
                now.minusSeconds(3_600))), operation, "an expired token");
        expectUnauthenticated(call(verb, path, body, AccessTokens.signedBy(STRANGER,
                "stranger", Roles.ALL, Duration.ofMinutes(5))), operation, "a token signed by another key");
        expectUnauthenticated(call(verb, path, body, "not-a-jwt"), operation, "a malformed token");
        for (String role : Roles.ALL) {
            Answer answer = call(verb, path, body, tokens.token("walk-" + role, List.of(role), Duration.ofMinutes(5)));
            if (roles.contains(role)) {
                expectSuccess(answer, operation, "role " + role);
            } else if (answer.status != 403 || !answer.problem()) {
                failures.add(operation + " with role " + role + ": " + answer + " (expected 403 problem+json)");
            }
        }
    }

    private void expectUnauthenticated(Answer answer, String operation, String caller) {
        if (answer.status != 401 || !answer.problem() || !"Bearer".equals(answer.challenge)) {
            failures.add(operation + " with " + caller + ": " + answer
                    + " (expected 401 problem+json with WWW-Authenticate: Bearer)");
        }
    }

    private void expectSuccess(Answer answer, String operation, String caller) {
        if (answer.status < 200 || answer.status > 299) {
            failures.add(operation + " with " + caller + ": " + answer + " (expected success: the caller is admitted)");
        }
    }

    private record Answer(int status, String contentType, String challenge, String body) {

        boolean problem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    private Answer call(String verb, String path, String body, String token) {
        calls++;
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(15))
                .header("Accept", "*/*") // an event stream produces nothing else, and a refusal is problem+json
                .method(verb, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            // headers first: an event stream that lets the caller in never ends, so only its start is read
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            String text;
            try (InputStream in = response.body()) {
                text = contentType != null && contentType.startsWith("text/event-stream")
                        ? "(event stream)" : new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            }
            return new Answer(response.statusCode(), contentType,
                    response.headers().firstValue("WWW-Authenticate").orElse(null), text);
        } catch (IOException e) {
            throw new UncheckedIOException(verb + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The operation's first JSON example body, or null for an operation without one. */
    private static String exampleBody(JsonNode operation) {
        JsonNode examples = operation.path("requestBody").path("content").path("application/json").path("examples");
        Iterator<JsonNode> values = examples.elements();
        return values.hasNext() ? values.next().path("value").toString() : null;
    }
}
