package dev.funnel.system.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.Topics;
import dev.funnel.contracts.access.Roles;
import dev.funnel.system.RunningFunnel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A lead's email reaches no log line of any service, whatever happens to it: captured, posted again,
 * refused, erased, or carried by an event no service can read. The services log at DEBUG here.
 */
@ExtendWith(RunningFunnel.class)
class LogsHoldNoEmailIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void noLogLineOfAnyServiceHoldsALeadsEmail(RunningFunnel funnel) throws Exception {
        String mark = "privacy" + UUID.randomUUID().toString().replace("-", "");
        String email = mark + "@example.com";

        HttpResponse<String> created = postLead(funnel, "{\"email\": \"%s\", \"firstName\": \"Ada\", \"utm\": {\"campaign\": \"privacy\"}}"
                .formatted(email));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String leadId = JSON.readTree(created.body()).get("id").asText();
        HttpResponse<String> again = postLead(funnel, "{\"email\": \"  %s \", \"utm\": {\"campaign\": \"privacy\"}}"
                .formatted(email.toUpperCase()));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        HttpResponse<String> refused = postLead(funnel, "{\"email\": \"%s\", \"phone\": \"%s\", \"country\": \"%s\"}"
                .formatted(email, email, email));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(get(funnel, funnel.sales("/api/leads/" + leadId)).statusCode()).isEqualTo(200));

        // an event whose every field is the email: the consumers refuse it and park it, and say why
        String poisonKey = UUID.randomUUID().toString();
        publishPoison(funnel, poisonKey, email);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(keysOn(funnel,
                List.of(Topics.SALES_DEAD_LETTER, Topics.ANALYTICS_DEAD_LETTER), poisonKey)).hasSize(2));

        HttpResponse<String> erased = HTTP.send(funnel.request(funnel.marketing("/api/leads/" + leadId), Roles.ADMIN)
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(get(funnel, funnel.sales("/api/leads/" + leadId)).body()).doesNotContain(mark));

        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(funnel.logs())) {
            for (Path file : files.filter(f -> f.getFileName().toString().contains("service")).toList()) {
                Files.readAllLines(file, StandardCharsets.ISO_8859_1).stream()
                        .filter(line -> line.toLowerCase().contains(mark))
                        .forEach(line -> lines.add(file.getFileName() + ": " + line));
            }
        }
        assertThat(lines).as("log lines holding the email %s", email).isEmpty();
    }

    private static void publishPoison(RunningFunnel funnel, String key, String email) throws Exception {
        CloudEvent envelope = new CloudEvent(UUID.randomUUID(), EventTypes.LEAD_GENERATED.type(),
                EventTypes.LEAD_GENERATED.source(), key, Instant.now());
        String payload = "{\"leadId\": \"%s\", \"email\": \"%s\", \"createdAt\": \"%s\", \"channel\": \"%s\"}"
                .formatted(email, email, email, email);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, funnel.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.MARKETING_LEADS, key, payload);
            envelope.headers().forEach((name, value) -> record.headers().add(new RecordHeader(name, value)));
            producer.send(record).get();
        }
    }

    private static List<String> keysOn(RunningFunnel funnel, List<String> topics, String key) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, funnel.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "privacy-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(topics);
            List<String> found = new ArrayList<>();
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < until && found.size() < 2) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r.topic());
                    }
                });
            }
            return found;
        }
    }

    private static HttpResponse<String> postLead(RunningFunnel funnel, String body) throws Exception {
        return HTTP.send(funnel.request(funnel.marketing("/api/leads"), Roles.LEAD_INTAKE)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A read of sales' lead, which sales admits with the role sales. */
    private static HttpResponse<String> get(RunningFunnel funnel, URI url) throws IOException, InterruptedException {
        return HTTP.send(funnel.request(url, Roles.SALES).build(), HttpResponse.BodyHandlers.ofString());
    }
}
