package dev.funnel.marketing.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.testing.FunnelInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A body past quarkus.http.limits.max-body-size (4M here) is refused 413 problem+json, however it is sent. */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "marketing"))
class OversizedBodyTest {

    @TestHTTPResource("/api/awareness")
    URI awareness;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** A JSON array five megabytes long: one string in an array. */
    private static byte[] fiveMegabytes() {
        byte[] body = new byte[5 * 1024 * 1024];
        Arrays.fill(body, (byte) 'a');
        body[0] = '[';
        body[1] = '"';
        body[body.length - 2] = '"';
        body[body.length - 1] = ']';
        return body;
    }

    private HttpResponse<String> post(HttpRequest.BodyPublisher body) throws Exception {
        return client.send(HttpRequest.newBuilder(awareness)
                .header("Authorization", "Bearer " + FunnelInfrastructure.everyRole())
                .header("Content-Type", "application/json")
                .POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBodyDeclaredTooLargeIsA413ProblemNamingTheLimit() throws Exception {
        HttpResponse<String> answer = post(HttpRequest.BodyPublishers.ofByteArray(fiveMegabytes()));
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"status\":413", "at most 4194304 bytes");
    }

    @Test
    void aTooLargeBodySentInChunksIsRefusedToo() throws Exception {
        // no Content-Length: the size is known only once the body has come past the limit, deep in Quarkus REST,
        // which answers 413 there itself, with an empty body
        HttpResponse<String> answer = post(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(fiveMegabytes())));
        assertThat(answer.statusCode()).isEqualTo(413);
    }
}
