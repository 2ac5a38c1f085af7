package dev.funnel.system.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * docker-compose.yml brought up for real, images built from the jars of this build: every service gets
 * ready, and a lead captured by marketing reaches sales through Kafka. Needs a Docker engine with the
 * {@code docker compose} plugin; where no engine is reachable the class is reported as skipped.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DockerComposeUpIT {

    static final Duration STARTUP = Duration.ofMinutes(5);
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static final String NO_DOCKER = "no Docker engine reachable: the compose stack test is skipped";

    static boolean dockerAvailable;
    static ComposeContainer compose;

    @BeforeAll
    @Timeout(value = 15, unit = TimeUnit.MINUTES) // image builds and first pulls included
    static void composeUp() {
        dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
        if (!dockerAvailable) {
            return; // each test then reports itself skipped (see below), which a class-level skip would not
        }
        Path root = Repository.root();
        for (DockerComposeConfigTest.Deployed service : DockerComposeConfigTest.SERVICES) {
            Path jar = root.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
            assertThat(jar).as("the image of '%s' copies %s: run `./mvnw package -DskipTests` first", service.name(), jar)
                    .isRegularFile();
        }

        compose = new ComposeContainer(root.resolve(Repository.COMPOSE_FILE).toFile())
                .withBuild(true)
                // Only kafka and postgres come from a registry, and `up` pulls them when missing; an explicit
                // pull would also try funnel/* images, which exist only once built.
                .withPull(false);
        for (DockerComposeConfigTest.Deployed service : DockerComposeConfigTest.SERVICES) {
            compose = compose.withExposedService(service.name(), port(service),
                    Wait.forHttp("/q/health/ready").forStatusCode(200).withStartupTimeout(STARTUP));
        }
        compose.start();
    }

    /** Surefire and Failsafe count a test skipped by an assumption, but nothing for a class aborted in @BeforeAll. */
    @BeforeEach
    void requireDocker() {
        assumeTrue(dockerAvailable, NO_DOCKER);
    }

    @AfterAll
    static void composeDown() {
        if (compose != null) {
            compose.stop();
        }
    }

    static Stream<DockerComposeConfigTest.Deployed> services() {
        return DockerComposeConfigTest.SERVICES.stream();
    }

    @ParameterizedTest
    @MethodSource("services")
    void everyServiceReportsReady(DockerComposeConfigTest.Deployed service) throws Exception {
        HttpResponse<String> ready = HTTP.send(get(service, "/q/health/ready"), HttpResponse.BodyHandlers.ofString());

        assertThat(ready.statusCode()).as("GET /q/health/ready of '%s': %s", service.name(), ready.body()).isEqualTo(200);
        assertThat(JSON.readTree(ready.body()).path("status").asText()).as("readiness of '%s'", service.name()).isEqualTo("UP");
    }

    @Test
    void aLeadCapturedByMarketingReachesSalesWithinThirtySeconds() throws Exception {
        HttpRequest capture = HttpRequest.newBuilder(uri(service("marketing"), "/api/leads"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"email":"ops@example.com","utm":{"campaign":"compose"}}"""))
                .build();
        HttpResponse<String> captured = HTTP.send(capture, HttpResponse.BodyHandlers.ofString());
        assertThat(captured.statusCode()).as("POST /api/leads to marketing: %s", captured.body()).isEqualTo(201);
        String leadId = JSON.readTree(captured.body()).path("id").asText();
        assertThat(leadId).as("id of the captured lead in %s", captured.body()).isNotBlank();

        Awaitility.await("lead " + leadId + " in GET /api/leads of sales")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IOException.class)
                .untilAsserted(() -> {
                    HttpResponse<String> leads = HTTP.send(get(service("sales"), "/api/leads"),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(leads.statusCode()).as("GET /api/leads of sales: %s", leads.body()).isEqualTo(200);
                    JsonNode lead = withId(JSON.readTree(leads.body()), leadId);
                    assertThat(lead).as("sales' leads %s include lead %s", leads.body(), leadId).isNotNull();
                    assertThat(lead.path("email").asText()).as("email of lead %s in sales", leadId)
                            .isEqualTo("ops@example.com");
                });
    }

    /** The object with this id anywhere in the tree (a list, or a page of one), or null. */
    private static JsonNode withId(JsonNode node, String id) {
        if (node.isObject() && id.equals(node.path("id").asText())) {
            return node;
        }
        for (JsonNode child : node) {
            JsonNode found = withId(child, id);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static DockerComposeConfigTest.Deployed service(String name) {
        return services().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static int port(DockerComposeConfigTest.Deployed service) {
        return Integer.parseInt(ServiceConfig.of(Repository.root().resolve(service.module()))
                .value("quarkus.http.port").orElseThrow().trim());
    }

    private static HttpRequest get(DockerComposeConfigTest.Deployed service, String path) {
        return HttpRequest.newBuilder(uri(service, path)).timeout(Duration.ofSeconds(10)).GET().build();
    }

    /** The address Testcontainers forwards to the service's port inside the compose network. */
    private static URI uri(DockerComposeConfigTest.Deployed service, String path) {
        int port = port(service);
        return URI.create("http://" + compose.getServiceHost(service.name(), port) + ":"
                + compose.getServicePort(service.name(), port) + path);
    }
}
