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
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calls every operation of a service's OpenAPI document as each kind of caller, and lists every answer that breaks
 * the access rules: no token, an expired token and a token signed by another key get 401 with the bearer challenge;
 * a valid token without an admitted role gets 403; a token holding only one admitted role gets past the check (the
 * operation's example body and the given ids are sent, so most succeed outright). Both refusals are problem+json.
 * The roles each operation's {@code security} lists in the document must be the same, so callers are told the truth.
 *
 * <p>The roles each operation admits are given by the test ({@code "POST /api/leads" -> lead-intake}), not read
 * from the code or the document: the test states the rules, and an operation missing from it is itself a failure,
 * so a new endpoint cannot be forgotten.
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
     * @param ids      values for path templates by name ({@code id}); a random UUID where none is given
     * @return the failures, each naming the operation, the caller and what was answered; empty when all is well
     */
    public static Result walk(URI base, JsonNode document, AccessTokens tokens, Map<String, Set<String>> admitted,
                              Map<String, String> ids) {
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
                walk.check(verb.toUpperCase(), concrete(path.getKey(), ids), exampleBody(spec), operation, roles);
            }
        }
        for (String stated : admitted.keySet()) {
            if (!documented.contains(stated)) {
                walk.failures.add(stated + ": in the access rules but not in the document");
            }
        }
        return new Result(walk.failures, documented.size(), walk.calls);
    }

    /** What a walk found: its failures, and how much it covered. */
    public record Result(List<String> failures, int operations, int calls) {
    }

    private void check(String verb, String path, String body, String operation, Set<String> roles) {
        if (roles == ANYONE) {
            expectAdmitted(call(verb, path, body, null), operation, "no token");
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
                expectAdmitted(answer, operation, "role " + role);
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

    private void expectAdmitted(Answer answer, String operation, String caller) {
        if (answer.status == 401 || answer.status == 403 || answer.status >= 500) {
            failures.add(operation + " with " + caller + ": " + answer + " (expected to be let through)");
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

    private static String concrete(String template, Map<String, String> ids) {
        Matcher matcher = TEMPLATE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(path, ids.getOrDefault(matcher.group(1), UUID.randomUUID().toString()));
        }
        matcher.appendTail(path);
        return path.substring(1); // relative to the base
    }

    /** The operation's first JSON example body, or null for an operation without one. */
    private static String exampleBody(JsonNode operation) {
        JsonNode examples = operation.path("requestBody").path("content").path("application/json").path("examples");
        Iterator<JsonNode> values = examples.elements();
        return values.hasNext() ? values.next().path("value").toString() : null;
    }
}
