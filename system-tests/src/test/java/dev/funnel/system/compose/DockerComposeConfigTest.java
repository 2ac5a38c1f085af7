package dev.funnel.system.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.contracts.Topics;
import dev.funnel.infra.KafkaTopics;
import dev.funnel.system.compose.ComposeFile.PortMapping;
import dev.funnel.system.compose.ComposeFile.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
 * docker-compose.yml, the Dockerfiles and deploy/postgres/init.sql against what they deploy: the services'
 * application.properties and the topic names in contracts. No Docker needed; a file that would start a
 * broken system fails here, with the reason, before anyone runs it.
 */
class DockerComposeConfigTest {

    /** A service as compose runs it: its compose name, the Maven module it is built from, the database it owns. */
    record Deployed(String name, String module, String database) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Deployed> SERVICES = List.of(
            new Deployed("marketing", "marketing-service", "marketing"),
            new Deployed("sales", "sales-service", "sales"),
            new Deployed("analytics", "analytics-service", "analytics"));

    static final String KAFKA = "kafka";
    static final String KAFKA_INIT = "kafka-init";
    static final String POSTGRES = "postgres";
    static final String DOCKERFILE = "src/main/docker/Dockerfile.jvm";
    static final int PARTITIONS = 3;

    private static final Pattern CREATE_DATABASE =
            Pattern.compile("CREATE\\s+DATABASE\\s+\"?(\\w+)\"?", Pattern.CASE_INSENSITIVE);
    private static final Pattern JDBC_POSTGRES = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*");
    private static final Pattern EXPOSE = Pattern.compile("(?m)^\\s*EXPOSE\\s+(\\d+)");

    static Path root;
    static ComposeFile compose;

    @BeforeAll
    static void readComposeFile() {
        root = Repository.root();
        compose = ComposeFile.read(root.resolve(Repository.COMPOSE_FILE));
    }

    static Stream<Deployed> services() {
        return SERVICES.stream();
    }

    @Test
    void composeRunsKafkaItsTopicSetupPostgresAndTheThreeServices() {
        List<String> expected = new ArrayList<>(List.of(KAFKA, KAFKA_INIT, POSTGRES));
        SERVICES.forEach(s -> expected.add(s.name()));
        assertThat(compose.serviceNames())
                .as("services in docker-compose.yml (expected %s)", expected)
                .containsAll(expected);
    }

    @ParameterizedTest
    @MethodSource("services")
    void eachServiceIsBuiltFromItsModulesDockerfileAsAFunnelImage(Deployed deployed) throws IOException {
        Service service = service(deployed.name());
        Path module = root.resolve(deployed.module()).normalize();
        assertThat(service.buildContext())
                .as("build.context of '%s' must be its module folder ./%s", deployed.name(), deployed.module())
                .contains(module);
        assertThat(service.dockerfile())
                .as("build.dockerfile of '%s'", deployed.name())
                .contains(DOCKERFILE);
        Path dockerfile = module.resolve(DOCKERFILE);
        assertThat(dockerfile).as("'%s' is built from %s, which must exist", deployed.name(), dockerfile).isRegularFile();
        assertThat(service.image())
                .as("image name of '%s' (what `docker compose build` tags)", deployed.name())
                .contains("funnel/" + deployed.module());

        String port = config(deployed).value("quarkus.http.port").orElseThrow();
        Matcher expose = EXPOSE.matcher(Files.readString(dockerfile));
        assertThat(expose.find() ? expose.group(1) : "no EXPOSE")
                .as("%s must EXPOSE %s, quarkus.http.port of %s", dockerfile, port, deployed.module())
                .isEqualTo(port);
    }

    @ParameterizedTest
    @MethodSource("services")
    void eachServicePublishesItsQuarkusHttpPortOnTheSameHostPort(Deployed deployed) {
        String httpPort = config(deployed).value("quarkus.http.port")
                .orElseThrow(() -> new AssertionError(deployed.module() + " sets no quarkus.http.port in application.properties"));
        int port = Integer.parseInt(httpPort.trim());
        assertThat(service(deployed.name()).ports())
                .as("ports of '%s' must publish %d:%d, the quarkus.http.port of %s", deployed.name(), port, port, deployed.module())
                .contains(new PortMapping(String.valueOf(port), port));
    }

    @ParameterizedTest
    @MethodSource("services")
    void everyEnvironmentVariableOfAServiceSetsAPropertyTheServiceDeclares(Deployed deployed) {
        ServiceConfig config = config(deployed);
        List<String> unknown = service(deployed.name()).environment().keySet().stream()
                .filter(variable -> config.keyFor(variable).isEmpty())
                .map(variable -> variable + " (would set '" + variable.toLowerCase(Locale.ROOT).replace('_', '.')
                        + "' or the like)")
                .toList();
        assertThat(unknown)
                .as("environment variables of '%s' that match no key of %s/src/main/resources/application.properties "
                        + "nor of its @ConfigMapping interfaces: misspelt, or a setting the service does not have",
                        deployed.name(), deployed.module())
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("services")
    void eachServiceUsesItsOwnDatabaseWhichInitSqlCreates(Deployed deployed) throws IOException {
        Map<String, String> env = service(deployed.name()).environment();
        String url = env.getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", "");
        Matcher jdbc = JDBC_POSTGRES.matcher(url);
        assertThat(jdbc.matches())
                .as("'%s' must set QUARKUS_DATASOURCE_JDBC_URL to jdbc:postgresql://%s:5432/%s, not '%s'",
                        deployed.name(), POSTGRES, deployed.database(), url)
                .isTrue();
        assertThat(jdbc.group(1)).as("database host in the JDBC URL of '%s' must be the compose service", deployed.name())
                .isEqualTo(POSTGRES);
        assertThat(jdbc.group(2) == null ? "5432" : jdbc.group(2)).as("database port in the JDBC URL of '%s'", deployed.name())
                .isEqualTo("5432");
        assertThat(jdbc.group(3)).as("'%s' must use its own database", deployed.name()).isEqualTo(deployed.database());
        assertThat(databasesCreatedByInitSql())
                .as("databases created by deploy/postgres/init.sql must include '%s', which '%s' connects to",
                        deployed.database(), deployed.name())
                .contains(deployed.database());

        Map<String, String> postgres = service(POSTGRES).environment();
        assertThat(env.get("QUARKUS_DATASOURCE_USERNAME"))
                .as("QUARKUS_DATASOURCE_USERNAME of '%s' must be the POSTGRES_USER of '%s'", deployed.name(), POSTGRES)
                .isEqualTo(postgres.getOrDefault("POSTGRES_USER", "postgres"));
        assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD"))
                .as("QUARKUS_DATASOURCE_PASSWORD of '%s' must be the POSTGRES_PASSWORD of '%s'", deployed.name(), POSTGRES)
                .isEqualTo(postgres.get("POSTGRES_PASSWORD"));
    }

    @Test
    void postgresRunsInitSqlAndIsHealthchecked() {
        Service postgres = service(POSTGRES);
        assertThat(postgres.volumes())
                .as("'%s' must mount ./deploy/postgres/init.sql into /docker-entrypoint-initdb.d/, or no database is created",
                        POSTGRES)
                .anyMatch(volume -> volume.startsWith("./deploy/postgres/init.sql:/docker-entrypoint-initdb.d/"));
        assertThat(postgres.environment()).as("'%s' needs POSTGRES_PASSWORD, or the image refuses to start", POSTGRES)
                .containsKey("POSTGRES_PASSWORD");
        assertThat(postgres.healthcheck().orElse("none"))
                .as("healthcheck of '%s' must ask pg_isready, so services start only once it accepts connections", POSTGRES)
                .contains("pg_isready");
    }

    @ParameterizedTest
    @MethodSource("services")
    void eachServiceReachesKafkaAtItsAdvertisedListener(Deployed deployed) {
        Set<String> advertised = advertisedListeners();
        String bootstrap = service(deployed.name()).environment().get("KAFKA_BOOTSTRAP_SERVERS");
        assertThat(bootstrap).as("'%s' must set KAFKA_BOOTSTRAP_SERVERS", deployed.name()).isNotBlank();
        for (String server : bootstrap.split(",")) {
            assertThat(advertised)
                    .as("KAFKA_BOOTSTRAP_SERVERS of '%s' names %s, which is not a listener '%s' advertises",
                            deployed.name(), server.trim(), KAFKA)
                    .contains(server.trim());
        }
    }

    @Test
    void kafkaIsOneKraftNodeThatCreatesNoTopicsByItselfAndIsHealthchecked() {
        Service kafka = service(KAFKA);
        Map<String, String> env = kafka.environment();
        assertThat(env).as("KRaft settings of '%s'", KAFKA)
                .containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                .containsEntry("KAFKA_NODE_ID", "1")
                .containsEntry("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@" + KAFKA + ":9093");
        assertThat(env.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"))
                .as("'%s' must not auto-create topics: kafka-init creates them with %d partitions", KAFKA, PARTITIONS)
                .isEqualTo("false");
        for (String internal : List.of("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR",
                "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR")) {
            assertThat(env.get(internal))
                    .as("%s of '%s' must be 1: one broker cannot hold more replicas, and consumers would read nothing",
                            internal, KAFKA)
                    .isEqualTo("1");
        }
        assertThat(kafka.healthcheck().orElse("none"))
                .as("healthcheck of '%s' must ask the broker itself (kafka-broker-api-versions.sh or kafka-topics.sh)", KAFKA)
                .containsAnyOf("kafka-broker-api-versions.sh", "kafka-topics.sh");
    }

    @Test
    void kafkaInitCreatesEveryContractTopicWithThreePartitionsOnceKafkaIsHealthy() {
        Service init = service(KAFKA_INIT);
        List<TopicCreation> creations = TopicCreation.in(init.command());
        List<String> contractTopics = Stream.concat(Topics.ALL.stream(), Topics.DEAD_LETTERS.stream()).toList();

        assertThat(creations.stream().map(TopicCreation::topic).toList())
                .as("topics '%s' creates (its command), against Topics.ALL + Topics.DEAD_LETTERS in contracts", KAFKA_INIT)
                .containsExactlyInAnyOrderElementsOf(contractTopics);
        Set<String> advertised = advertisedListeners();
        for (TopicCreation creation : creations) {
            assertThat(creation.partitions()).as("--partitions of topic %s", creation.topic()).isEqualTo(PARTITIONS);
            assertThat(creation.retentionMs()).as("--config retention.ms of topic %s, as infra's KafkaTopics sets it",
                    creation.topic()).isEqualTo(KafkaTopics.retentionMs(creation.topic()));
            assertThat(creation.ifNotExists())
                    .as("creating %s needs --if-not-exists, or a second `docker compose up` fails", creation.topic())
                    .isTrue();
            assertThat(advertised).as("--bootstrap-server %s for topic %s must be a listener '%s' advertises",
                    creation.bootstrapServer(), creation.topic(), KAFKA).contains(creation.bootstrapServer());
        }
        assertThat(init.dependsOn())
                .as("'%s' must wait for a healthy broker", KAFKA_INIT)
                .containsEntry(KAFKA, "service_healthy");
    }

    @ParameterizedTest
    @MethodSource("services")
    void eachServiceStartsOnlyOnceItsDatabaseKafkaAndTheTopicsAreReady(Deployed deployed) {
        assertThat(service(deployed.name()).dependsOn())
                .as("depends_on of '%s'", deployed.name())
                .containsEntry(POSTGRES, "service_healthy")
                .containsEntry(KAFKA, "service_healthy")
                .containsEntry(KAFKA_INIT, "service_completed_successfully");
    }

    @ParameterizedTest
    @MethodSource("services")
    void eachServiceIsHealthcheckedOnItsReadinessEndpoint(Deployed deployed) {
        String port = config(deployed).value("quarkus.http.port").orElseThrow();
        assertThat(service(deployed.name()).healthcheck().orElse("none"))
                .as("healthcheck of '%s' must ask its own port, localhost:%s/q/health/ready, with curl -fs (which fails on a "
                        + "non-2xx answer)", deployed.name(), port)
                .contains("curl -fs")
                .contains("localhost:" + port + "/q/health/ready");
    }

    private static Service service(String name) {
        return compose.service(name)
                .orElseThrow(() -> new AssertionError("docker-compose.yml has no service '" + name + "'"));
    }

    private static ServiceConfig config(Deployed deployed) {
        return ServiceConfig.of(root.resolve(deployed.module()));
    }

    /** host:port of each listener the kafka service advertises. */
    private static Set<String> advertisedListeners() {
        String listeners = service(KAFKA).environment().getOrDefault("KAFKA_ADVERTISED_LISTENERS", "");
        Set<String> addresses = new LinkedHashSet<>();
        for (String listener : listeners.split(",")) {
            int scheme = listener.indexOf("://");
            if (scheme > 0) {
                addresses.add(listener.substring(scheme + 3).trim());
            }
        }
        assertThat(addresses).as("'%s' must set KAFKA_ADVERTISED_LISTENERS", KAFKA).isNotEmpty();
        return addresses;
    }

    private static Set<String> databasesCreatedByInitSql() throws IOException {
        Path initSql = root.resolve("deploy/postgres/init.sql");
        assertThat(initSql).as("the script that creates the services' databases").isRegularFile();
        Set<String> databases = new LinkedHashSet<>();
        Matcher create = CREATE_DATABASE.matcher(Files.readString(initSql).replaceAll("--[^\n]*", ""));
        while (create.find()) {
            databases.add(create.group(1));
        }
        return databases;
    }
}
