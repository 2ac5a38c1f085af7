package dev.funnel.system.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.system.compose.ComposeFile.PortMapping;
import dev.funnel.system.compose.ComposeFile.Service;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a compose file in the forms the Compose specification allows, so the checks see what Compose sees. */
class ComposeFileTest {

    static final Path DIR = Path.of("/srv/funnel");

    @Test
    void shortAndLongFormsReadTheSame() {
        ComposeFile file = ComposeFile.parse("""
                services:
                  short:
                    build: ./short-service
                    ports: ["8081:8081", "127.0.0.1:9000:9001/tcp", "7000"]
                    environment:
                      - KAFKA_BOOTSTRAP_SERVERS=kafka:9092
                      - FUNNEL_FLAG
                    depends_on: [kafka]
                    healthcheck:
                      test: curl -fs http://localhost:8081/q/health/ready
                  long:
                    build:
                      context: ./long-service
                      dockerfile: src/main/docker/Dockerfile.jvm
                    ports:
                      - target: 8082
                        published: "8083"
                    environment:
                      KAFKA_NODE_ID: 1
                    depends_on:
                      kafka:
                        condition: service_healthy
                    healthcheck:
                      test: ["CMD", "curl", "-fs", "http://localhost:8082/q/health/ready"]
                  silent:
                    image: busybox
                    healthcheck:
                      test: ["NONE"]
                """, DIR);

        Service shortForm = file.service("short").orElseThrow();
        assertThat(shortForm.buildContext()).contains(DIR.resolve("short-service"));
        assertThat(shortForm.dockerfile()).contains("Dockerfile");
        assertThat(shortForm.ports()).containsExactly(
                new PortMapping("8081", 8081), new PortMapping("9000", 9001), new PortMapping(null, 7000));
        assertThat(shortForm.environment())
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                .containsEntry("FUNNEL_FLAG", "");
        assertThat(shortForm.dependsOn()).containsEntry("kafka", "service_started");
        assertThat(shortForm.healthcheck()).contains("curl -fs http://localhost:8081/q/health/ready");

        Service longForm = file.service("long").orElseThrow();
        assertThat(longForm.buildContext()).contains(DIR.resolve("long-service"));
        assertThat(longForm.dockerfile()).contains("src/main/docker/Dockerfile.jvm");
        assertThat(longForm.ports()).containsExactly(new PortMapping("8083", 8082));
        assertThat(longForm.environment()).containsEntry("KAFKA_NODE_ID", "1");
        assertThat(longForm.dependsOn()).containsEntry("kafka", "service_healthy");
        assertThat(longForm.healthcheck()).contains("curl -fs http://localhost:8082/q/health/ready");

        assertThat(file.service("silent").orElseThrow().healthcheck()).as("test NONE disables it").isEmpty();
        assertThat(file.service("missing")).isEmpty();
    }

    @Test
    void topicCreationsAreReadFromAShellScriptWhateverSeparatesTheCommands() {
        String script = """
                set -e
                /opt/kafka/bin/kafka-topics.sh --bootstrap-server kafka:9092 --create --if-not-exists --topic marketing.leads --partitions 3 --config retention.ms=-1
                kafka-topics.sh --create --topic=sales.pipeline --partitions=1 --bootstrap-server kafka:9092 && \\
                  echo done; kafka-topics.sh --bootstrap-server kafka:9092 --create --topic "sales.dead-letter"
                /opt/kafka/bin/kafka-topics.sh --bootstrap-server kafka:9092 --describe --topic marketing.leads
                """;

        assertThat(TopicCreation.in(script)).containsExactly(
                new TopicCreation("marketing.leads", 3, true, "kafka:9092", -1L),
                new TopicCreation("sales.pipeline", 1, false, "kafka:9092", null),
                new TopicCreation("sales.dead-letter", null, false, "kafka:9092", null));
    }

    @Test
    void aScriptWithoutCreationsCreatesNothing() {
        assertThat(TopicCreation.in("echo kafka-topics.sh --create later")).isEmpty();
        assertThat(TopicCreation.in("")).isEqualTo(List.of());
    }
}
