package dev.funnel.infra;

import static dev.funnel.infra.Processes.awaitGone;
import static dev.funnel.infra.Processes.isRunning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.funnel.contracts.Topics;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One broker for the whole class (a start takes seconds); the test that closes it runs last. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaBrokerTest {

    private static final List<String> FUNNEL_TOPICS =
            Stream.concat(Topics.ALL.stream(), Topics.DEAD_LETTERS.stream()).toList();

    @TempDir
    static Path dir;
    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start(dir.resolve("kafka"), FreePort.pick(), dir.resolve("kafka.log"), true);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Order(1)
    void brokerListensOnTheRequestedPortAsAProcessOfItsOwn() throws Exception {
        assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + broker.port());
        assertThat(FreePort.isListening(broker.port())).isTrue();
        assertThat(broker.pid()).isNotEqualTo(ProcessHandle.current().pid());
        // not ProcessHandle.Info.arguments(): the JDK reads only 4 KB of /proc/<pid>/cmdline and gives
        // no arguments at all for a longer command line, such as this one with the test classpath
        assertThat(Files.readString(Path.of("/proc/" + broker.pid() + "/cmdline")).split("\0"))
                .contains("kafka.Kafka", dir.resolve("kafka/server.properties").toString());
        Properties entry = Processes.read(Processes.ledgerEntry("kafka", broker.pid()));
        assertThat(entry.getProperty("owner")).isEqualTo(Long.toString(ProcessHandle.current().pid()));
        assertThat(dir.resolve("kafka/data/meta.properties")).exists();
    }

    @Test
    @Order(2)
    void ensureFunnelTopicsCreatesEveryTopicWithThreePartitionsAndIsANoOpTheSecondTime() throws Exception {
        KafkaTopics.ensureFunnelTopics(broker.bootstrapServers());

        Map<String, TopicDescription> first = describe(FUNNEL_TOPICS);
        assertThat(first).containsOnlyKeys(FUNNEL_TOPICS);
        assertThat(first.values()).allSatisfy(topic -> {
            assertThat(topic.partitions()).hasSize(KafkaTopics.PARTITIONS);
            assertThat(topic.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(1));
        });
        assertThat(KafkaTopics.PARTITIONS).isEqualTo(3);

        assertThat(retentionMs(FUNNEL_TOPICS)).as("retention.ms per topic").isEqualTo(Map.of(
                "marketing.leads", "-1", "marketing.campaigns", "-1", "sales.pipeline", "-1",
                "sales.dead-letter", "2592000000", "analytics.dead-letter", "2592000000"));

        KafkaTopics.ensureFunnelTopics(broker.bootstrapServers());

        Map<String, TopicDescription> second = describe(FUNNEL_TOPICS);
        assertThat(ids(second)).as("same topics, not recreated").isEqualTo(ids(first));
        assertThat(second.values()).allSatisfy(topic -> assertThat(topic.partitions()).hasSize(3));
    }

    @Test
    @Order(3)
    void ensureSetsTheRetentionOfATopicThatAlreadyExisted() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, "marketing.leads"),
                    List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, "60000"),
                            AlterConfigOp.OpType.SET)))).all().get(30, TimeUnit.SECONDS);
        }
        // The controller acknowledges a change once it has committed it; the broker that answers describeConfigs
        // applies it from the metadata log a moment later (once, in CI, it still showed the old value).
        awaitRetention("marketing.leads", "60000");

        KafkaTopics.ensureFunnelTopics(broker.bootstrapServers());

        awaitRetention("marketing.leads", "-1");
    }

    private void awaitRetention(String topic, String expected) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                assertThat(retentionMs(List.of(topic))).containsEntry(topic, expected));
    }

    private Map<String, String> retentionMs(List<String> topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            List<ConfigResource> resources = topics.stream()
                    .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
            Map<String, String> retention = new java.util.HashMap<>();
            admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS).forEach((resource, config) ->
                    retention.put(resource.name(), config.get(TopicConfig.RETENTION_MS_CONFIG).value()));
            return retention;
        }
    }

    @Test
    @Order(4)
    void recordProducedWithAcksAllIsConsumedBackWithItsHeaders() throws Exception {
        String topic = "infra-test.round-trip";
        KafkaTopics.ensure(broker.bootstrapServers(), List.of(topic));

        RecordMetadata sent;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, null, "lead-42", "{\"leadId\":42}",
                    List.<Header>of(
                            new RecordHeader("eventType", "LeadGenerated".getBytes(StandardCharsets.UTF_8)),
                            new RecordHeader("schemaVersion", "1".getBytes(StandardCharsets.UTF_8))));
            sent = producer.send(record).get(30, TimeUnit.SECONDS);
        }
        assertThat(sent.topic()).isEqualTo(topic);
        assertThat(sent.partition()).isBetween(0, KafkaTopics.PARTITIONS - 1);

        TopicPartition partition = new TopicPartition(topic, sent.partition());
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, sent.offset());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
        }

        assertThat(received).as("records read back within 30 s").hasSize(1);
        ConsumerRecord<String, String> record = received.get(0);
        assertThat(record.key()).isEqualTo("lead-42");
        assertThat(record.value()).isEqualTo("{\"leadId\":42}");
        assertThat(record.offset()).isEqualTo(sent.offset());
        assertThat(record.headers().toArray())
                .extracting(Header::key, h -> new String(h.value(), StandardCharsets.UTF_8))
                .containsExactly(
                        tuple("eventType", "LeadGenerated"),
                        tuple("schemaVersion", "1"));
    }

    @Test
    @Order(5)
    void aDeletedTopicsFilesLeaveTheDiskWithinSeconds() throws Exception {
        String topic = "scratch.deleted";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                     new StringSerializer(), new StringSerializer())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            producer.send(new ProducerRecord<>(topic, "a record")).get();
            Path data = dir.resolve("kafka/data");
            assertThat(partitionDirs(data, topic)).hasSize(1);

            admin.deleteTopics(List.of(topic)).all().get();

            // Kafka's default waits 60 s; ours 1 s, once the broker's first deletion pass has run, 30 s
            // after its start (log.initial.task.delay.ms), which this test may come before
            long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
            while (!partitionDirs(data, topic).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(partitionDirs(data, topic)).as("directories of %s left in %s", topic, data).isEmpty();
        }
    }

    private static List<Path> partitionDirs(Path data, String topic) throws Exception {
        try (Stream<Path> dirs = Files.list(data)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith(topic + "-")).toList();
        }
    }

    @Test
    @Order(6)
    void startingOnAPortSomethingListensOnFailsNamingThePort(@TempDir Path other) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Path kafkaDir = other.resolve("kafka");

            assertThatIllegalStateException()
                    .isThrownBy(() -> KafkaBroker.start(kafkaDir, port, other.resolve("kafka.log"), true))
                    .withMessageContaining("port " + port);
            assertThat(kafkaDir).as("nothing written before the check").doesNotExist();
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void closeEndsTheBrokerProcessAndForgetsIt() {
        long pid = broker.pid();
        int port = broker.port();
        Path entry = Processes.ledgerEntry("kafka", pid);
        assertThat(entry).exists();
        assertThat(isRunning(pid)).isTrue();

        broker.close();

        awaitGone(pid, Duration.ofSeconds(30));
        assertThat(FreePort.isListening(port)).isFalse();
        assertThat(entry).doesNotExist();
        assertThat(dir.resolve("kafka.log")).content().contains("Kafka Server started");
    }

    private static Map<String, TopicDescription> describe(List<String> topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            return admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
        }
    }

    private static Map<String, Uuid> ids(Map<String, TopicDescription> topics) {
        return topics.values().stream().collect(Collectors.toMap(TopicDescription::name, TopicDescription::topicId));
    }
}
