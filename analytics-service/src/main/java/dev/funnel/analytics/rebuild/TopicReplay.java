package dev.funnel.analytics.rebuild;

import dev.funnel.contracts.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every partition of the three topics from its first record, outside any consumer group: a rebuild
 * commits no offsets and takes no partitions away from the live consumers.
 */
final class TopicReplay implements AutoCloseable {

    private static final Duration METADATA = Duration.ofSeconds(30);

    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions = new ArrayList<>();

    /** @param broker the service's Kafka settings (bootstrap servers and whatever security the deployment sets) */
    TopicReplay(Map<String, Object> broker, int batchSize) {
        Map<String, Object> config = new HashMap<>(broker);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batchSize);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "analytics-rebuild");
        // the swap replays its last records while live handling waits: a fetch parked on the broker for the
        // default half second would be waited for there
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        for (String topic : Topics.ALL) {
            consumer.partitionsFor(topic, METADATA).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** From the first record still on each partition up to its current end. */
    ReplayTarget<TopicPartition> target() {
        return new ReplayTarget<>(consumer.beginningOffsets(partitions, METADATA), ends());
    }

    /** Each partition's current end: the offset its next record will get. */
    Map<TopicPartition, Long> ends() {
        return consumer.endOffsets(partitions, METADATA);
    }

    /** The next offset this replay reads on each partition. */
    Map<TopicPartition, Long> positions() {
        Map<TopicPartition, Long> positions = new HashMap<>();
        partitions.forEach(p -> positions.put(p, consumer.position(p, METADATA)));
        return positions;
    }

    /** The next records, at most a batch; none when nothing came within the timeout. */
    List<ConsumerRecord<String, String>> poll(Duration timeout) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        consumer.poll(timeout).forEach(records::add);
        return records;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
