package dev.funnel.system.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.funnel.contracts.Topics;
import dev.funnel.infra.KafkaTopics;
import dev.funnel.system.compose.DockerComposeConfigTest.Deployed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Kubernetes manifests under deploy/ against what they deploy: each service's port, health
 * endpoints and settings, the configuration they reference, and the topic definitions against
 * contracts and the other two places that create topics. No cluster needed.
 */
class KubernetesManifestsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://[^/]+/(\\w+)");
    private static final String CONFIG_MAP = "funnel-config";
    private static final String DATABASE_SECRET = "funnel-database";

    static Path deploy;
    static List<JsonNode> resources;

    @BeforeAll
    static void readManifests() throws IOException {
        deploy = Repository.root().resolve("deploy");
        resources = new ArrayList<>();
        for (JsonNode file : kustomization().path("resources")) {
            resources.addAll(documents(deploy.resolve(file.asText())));
        }
    }

    static Stream<Deployed> services() {
        return DockerComposeConfigTest.SERVICES.stream();
    }

    @Test
    void kustomizationAppliesEveryManifestInTheFolder() throws IOException {
        List<String> listed = new ArrayList<>();
        kustomization().path("resources").forEach(r -> listed.add(r.asText()));
        try (Stream<Path> files = Files.list(deploy.resolve("kubernetes"))) {
            assertThat(listed).as("resources of deploy/kustomization.yaml")
                    .containsExactlyInAnyOrderElementsOf(files.map(f -> "kubernetes/" + f.getFileName()).toList());
        }
    }

    @ParameterizedTest
    @MethodSource("services")
    void eachServiceRunsAsANonRootDeploymentProbedOnItsHealthEndpoints(Deployed deployed) {
        JsonNode container = container(deployed);
        int port = Integer.parseInt(config(deployed).value("quarkus.http.port").orElseThrow());

        assertThat(container.path("image").asText()).startsWith("funnel/" + deployed.module() + ":");
        assertThat(container.path("ports").get(0).path("containerPort").asInt())
                .as("containerPort of %s: its quarkus.http.port", deployed.module()).isEqualTo(port);
        assertThat(probe(container, "startupProbe")).isEqualTo("/q/health/started");
        assertThat(probe(container, "livenessProbe")).isEqualTo("/q/health/live");
        assertThat(probe(container, "readinessProbe")).isEqualTo("/q/health/ready");
        assertThat(container.at("/resources/requests/cpu").asText()).as("cpu request").isNotEmpty();
        assertThat(container.at("/resources/requests/memory").asText()).as("memory request").isNotEmpty();
        assertThat(container.at("/resources/limits/memory").asText()).as("memory limit").isNotEmpty();
        JsonNode pod = resource("Deployment", deployed.module()).at("/spec/template/spec");
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).as("runAsNonRoot").isTrue();

        JsonNode service = resource("Service", deployed.module());
        assertThat(service.at("/spec/selector")).isEqualTo(
                resource("Deployment", deployed.module()).at("/spec/selector/matchLabels"));
        assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(port);
    }

    @ParameterizedTest
    @MethodSource("services")
    void eachServiceGetsItsOwnDatabaseAndTheSecretsCredentialsThroughSettingsItHas(Deployed deployed) {
        JsonNode container = container(deployed);
        ServiceConfig config = config(deployed);
        Map<String, JsonNode> env = new LinkedHashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e));

        assertThat(env.keySet().stream().filter(name -> config.keyFor(name).isEmpty()).toList())
                .as("env of %s that sets no key of its application.properties", deployed.module()).isEmpty();
        String urlKey = env.get("QUARKUS_DATASOURCE_JDBC_URL").at("/valueFrom/configMapKeyRef/key").asText();
        Matcher url = JDBC_URL.matcher(configMapData().path(urlKey).asText());
        assertThat(url.matches()).as("%s in %s is a PostgreSQL JDBC URL", urlKey, CONFIG_MAP).isTrue();
        assertThat(url.group(1)).as("database of %s", deployed.module()).isEqualTo(deployed.database());
        for (String credential : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
            assertThat(env.get(credential).at("/valueFrom/secretKeyRef/name").asText())
                    .as("%s of %s comes from the secret", credential, deployed.module()).isEqualTo(DATABASE_SECRET);
        }
        assertThat(container.at("/envFrom/0/configMapRef/name").asText()).isEqualTo(CONFIG_MAP);
    }

    @Test
    void everySharedSettingIsReadByAServiceOrReferencedByName() {
        Set<String> referenced = new HashSet<>();
        resources.forEach(r -> r.findValues("configMapKeyRef").forEach(ref -> referenced.add(ref.path("key").asText())));
        List<ServiceConfig> configs = services().map(KubernetesManifestsTest::config).toList();
        List<String> unused = new ArrayList<>();
        configMapData().fieldNames().forEachRemaining(key -> {
            if (!referenced.contains(key) && configs.stream().allMatch(c -> c.keyFor(key).isEmpty())) {
                unused.add(key);
            }
        });
        assertThat(unused).as("keys of %s that no service reads", CONFIG_MAP).isEmpty();
    }

    @Test
    void topicDefinitionsAreTheContractTopicsWithThePartitionsAndRetentionInfraAndComposeUse() throws IOException {
        Map<String, List<String>> defined = new LinkedHashMap<>();
        for (String line : Files.readAllLines(deploy.resolve("kafka/topics.txt"))) {
            if (!line.isBlank() && !line.strip().startsWith("#")) {
                List<String> fields = List.of(line.strip().split("\\s+"));
                defined.put(fields.get(0), fields.subList(1, fields.size()));
            }
        }
        Map<String, List<String>> expected = new LinkedHashMap<>();
        Stream.concat(Topics.ALL.stream(), Topics.DEAD_LETTERS.stream()).forEach(topic -> expected.put(topic,
                List.of(Integer.toString(KafkaTopics.PARTITIONS), Long.toString(KafkaTopics.retentionMs(topic)))));
        assertThat(defined).as("deploy/kafka/topics.txt: topic -> [partitions, retention.ms]").isEqualTo(expected);

        JsonNode job = resource("Job", "funnel-kafka-topics");
        assertThat(job.at("/spec/template/spec/volumes/0/configMap/name").asText())
                .as("the topic job reads the generated ConfigMap").isEqualTo("funnel-kafka-topics");
        JsonNode generated = kustomization().path("configMapGenerator").get(0);
        assertThat(generated.path("files").get(0).asText()).isEqualTo("topics.txt=kafka/topics.txt");
    }

    private static JsonNode container(Deployed deployed) {
        JsonNode containers = resource("Deployment", deployed.module()).at("/spec/template/spec/containers");
        assertThat(containers.size()).as("containers of %s", deployed.module()).isEqualTo(1);
        return containers.get(0);
    }

    private static String probe(JsonNode container, String probe) {
        JsonNode get = container.path(probe).path("httpGet");
        assertThat(get.path("port").asText()).as("%s port", probe).isEqualTo("http");
        return get.path("path").asText();
    }

    private static JsonNode configMapData() {
        return resource("ConfigMap", CONFIG_MAP).path("data");
    }

    private static JsonNode resource(String kind, String name) {
        return resources.stream()
                .filter(r -> kind.equals(r.path("kind").asText()) && name.equals(r.at("/metadata/name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name + " under deploy/kubernetes"));
    }

    private static ServiceConfig config(Deployed deployed) {
        return ServiceConfig.of(Repository.root().resolve(deployed.module()));
    }

    private static JsonNode kustomization() {
        List<JsonNode> documents = documents(deploy.resolve("kustomization.yaml"));
        return documents.get(0);
    }

    private static List<JsonNode> documents(Path file) {
        try (var parser = YAML.getFactory().createParser(file.toFile())) {
            List<JsonNode> documents = new ArrayList<>();
            YAML.readValues(parser, JsonNode.class).forEachRemaining(d -> {
                if (d != null && !d.isMissingNode() && !d.isNull()) {
                    documents.add(d);
                }
            });
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
