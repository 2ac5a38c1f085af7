package dev.funnel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Sends {@link HostileRequests} to a running service over plain HTTP, several at a time, and judges the answers:
 * always an answer, never a 5xx, never a stack trace, a Java class name or SQL in a body, and every 4xx a problem+json.
 */
public final class HostileRun {

    /** One request and the service's answer. */
    public record Answer(HostileRequests.Request request, int status, String contentType, String body) {
        @Override
        public String toString() {
            return status + " [" + contentType + "] " + body.substring(0, Math.min(body.length(), 300))
                    + "  <-  " + request;
        }
    }

    /** What no answer may show: a stack trace, a class of ours or of a library, or SQL. */
    private static final Pattern LEAKS = Pattern.compile("Exception|\\tat |at dev\\.funnel|org\\.hibernate|org\\.postgresql"
            + "|SELECT |INSERT |UPDATE [a-z_]+ SET|DELETE FROM|\\b(java|javax|jakarta|io\\.quarkus|io\\.vertx|com\\.fasterxml|"
            + "io\\.smallrye|org\\.jboss)\\.[a-z]+\\.");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String authorization;

    /**
     * @param base          the service's root, e.g. http://localhost:8081
     * @param authorization the Authorization header every request carries, or null for none
     */
    public HostileRun(URI base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** Sends every request, {@code parallel} at a time, and returns the answers in the requests' order. */
    public List<Answer> send(List<HostileRequests.Request> requests, int parallel) {
        try (ExecutorService senders = Executors.newFixedThreadPool(parallel)) {
            List<Future<Answer>> answers = new ArrayList<>();
            for (HostileRequests.Request request : requests) {
                answers.add(senders.submit(() -> answerTo(request)));
            }
            List<Answer> all = new ArrayList<>(answers.size());
            for (Future<Answer> answer : answers) {
                all.add(answer.get());
            }
            return all;
        } catch (Exception e) {
            throw new IllegalStateException("sending the hostile requests failed", e);
        }
    }

    /** The answer to one request; status 0 when the service closed the connection without one. */
    private Answer answerTo(HostileRequests.Request request) throws InterruptedException {
        try {
            return send(request);
        } catch (IOException e) {
            return new Answer(request, 0, "", "no answer: " + e);
        }
    }

    /** Sends one request and reads the whole answer. */
    public Answer send(HostileRequests.Request request) throws IOException, InterruptedException {
        HttpRequest.Builder http = HttpRequest.newBuilder(base.resolve(request.path())).timeout(Duration.ofSeconds(30))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null) {
            http.header("Content-Type", request.contentType());
        }
        if (authorization != null) {
            http.header("Authorization", authorization);
        }
        request.headers().forEach(http::header);
        HttpResponse<String> response = client.send(http.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(request, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    /** The body without the injection strings a request may rightly have stored and be shown again (a name). */
    private static String withoutEchoedInjections(String body) {
        String rest = body;
        for (String injection : HostileRequests.INJECTIONS) {
            if (!injection.isEmpty()) {
                rest = rest.replace(injection, "");
            }
        }
        return rest;
    }

    /** How many answers had each status, by status. */
    public static Map<Integer, Long> byStatus(List<Answer> answers) {
        return answers.stream().collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting()));
    }

    /** No 5xx; no leak in any body; every 4xx a problem+json. Each failure names the request that caused it. */
    public static void assertSafe(List<Answer> answers) {
        assertThat(answers).as("requests left without an answer").filteredOn(a -> a.status() == 0).isEmpty();
        assertThat(answers).as("answers 5xx").filteredOn(a -> a.status() >= 500).isEmpty();
        assertThat(answers).as("answers that show a stack trace, a class name or SQL")
                .filteredOn(a -> LEAKS.matcher(withoutEchoedInjections(a.body())).find()).isEmpty();
        assertThat(answers).as("4xx answers that are not problem+json")
                .filteredOn(a -> a.status() >= 400 && !a.contentType().startsWith("application/problem+json"))
                .isEmpty();
    }
}
