package dev.funnel.system.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.Topics;
import dev.funnel.contracts.access.Roles;
import dev.funnel.system.RunningFunnel;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Marketing keeps accepting leads while Kafka is down, and publishes each one exactly once when it is back. */
@ExtendWith(RunningFunnel.class)
class KafkaOutageIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LEADS = 40;

    @Test
    void leadsPostedWhileKafkaIsDownArePublishedExactlyOnceWhenItReturns(RunningFunnel funnel) throws Exception {
        Set<String> posted = new HashSet<>();
        funnel.stopKafka();
        try {
            String batch = UUID.randomUUID().toString();
            for (int i = 0; i < LEADS; i++) {
                HttpResponse<String> response = HTTP.send(funnel.request(funnel.marketing("/api/leads"), Roles.LEAD_INTAKE)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"email": "outage-%d-%s@example.com", "utm": {"campaign": "outage"}}"""
                                .formatted(i, batch)))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as("lead %d accepted while Kafka is down: %s", i, response.body())
                        .isEqualTo(201);
                posted.add(JSON.readTree(response.body()).get("id").asText());
            }
        } finally {
            funnel.startKafka();
        }
        assertThat(posted).hasSize(LEADS);

        List<ConsumerRecord<String, String>> generated = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = fromTheStart(funnel.kafkaBootstrapServers())) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ZERO).untilAsserted(() -> {
                collect(consumer, posted, generated);
                assertThat(generated).hasSizeGreaterThanOrEqualTo(LEADS);
            });
            // read on a little: a second copy of an event would show up here
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ZERO)
                    .untilAsserted(() -> collect(consumer, posted, generated));
        }

        List<String> eventIds = generated.stream().map(r -> envelope(r).id().toString()).toList();
        List<String> leadIds = generated.stream().map(ConsumerRecord::key).toList();
        assertThat(eventIds).as("CloudEvents ids of the lead events").doesNotHaveDuplicates().hasSize(LEADS);
        assertThat(leadIds).as("one LeadGenerated per posted lead").containsExactlyInAnyOrderElementsOf(posted);
    }

    private static CloudEvent envelope(ConsumerRecord<?, ?> record) {
        return CloudEvent.fromHeaders(name -> {
            var header = record.headers().lastHeader(name);
            return header == null ? null : header.value();
        });
    }

    private static KafkaConsumer<String, String> fromTheStart(String bootstrapServers) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.MARKETING_LEADS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /** Adds the LeadGenerated records of the posted leads among what the consumer returns next. */
    private static void collect(KafkaConsumer<String, String> consumer, Set<String> posted,
                                List<ConsumerRecord<String, String>> into) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            if (posted.contains(record.key())
                    && EventTypes.LEAD_GENERATED.type().equals(envelope(record).type())) {
                into.add(record);
            }
        }
    }
}
