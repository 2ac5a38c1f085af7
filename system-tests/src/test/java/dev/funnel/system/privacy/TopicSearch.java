package dev.funnel.system.privacy;

import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the records of every topic on the broker (the funnel's, the dead-letter topics, any other but
 * Kafka's internal ones) from given offsets to their current end, looking for a person's marks in each
 * record's key, value and headers.
 */
final class TopicSearch implements AutoCloseable {

    /** A record holding a mark. */
    record Hit(String topic, int partition, long offset, String where, String mark) {

        @Override
        public String toString() {
            return topic + "-" + partition + "@" + offset + " holds \"" + mark + "\" in its " + where;
        }
    }

    /** What a search read (records by topic) and what it found. */
    record Result(Map<String, Long> records, List<Hit> hits) {

        long total() {
            return records.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Where the erasure's own event is on its topic, and when it was written. */
    record Position(TopicPartition partition, long offset, Instant timestamp) {
    }

    private final KafkaConsumer<byte[], byte[]> consumer;

    TopicSearch(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }

    /** Every partition of every topic but Kafka's internal ones. */
    List<TopicPartition> partitions() {
        return consumer.listTopics(Duration.ofSeconds(10)).entrySet().stream()
                .filter(topic -> !topic.getKey().startsWith("__"))
                .flatMap(topic -> topic.getValue().stream().map(p -> new TopicPartition(p.topic(), p.partition())))
                .toList();
    }

    /** Every partition of these topics from its first record: their whole log. */
    Map<TopicPartition, Long> fromTheStartOf(String... topics) {
        List<String> named = List.of(topics);
        return consumer.beginningOffsets(partitions().stream().filter(p -> named.contains(p.topic())).toList());
    }

    /**
     * Every partition from its first record written at or after {@code position}'s (its end, where there is
     * none), and the erasure's own partition from the erasure event itself: what came after the erasure.
     */
    Map<TopicPartition, Long> after(Position position) {
        List<TopicPartition> partitions = partitions();
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Map<TopicPartition, OffsetAndTimestamp> at = consumer.offsetsForTimes(partitions.stream()
                .collect(Collectors.toMap(p -> p, p -> position.timestamp().toEpochMilli())));
        Map<TopicPartition, Long> from = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp first = at.get(partition);
            from.put(partition, first == null ? ends.get(partition) : first.offset());
        }
        from.put(position.partition(), position.offset());
        return from;
    }

    /** The {@code LeadErased} event of the lead on marketing.leads, if it is there yet. */
    Optional<Position> erasureOf(String leadId) {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        read(fromTheStartOf(Topics.MARKETING_LEADS), record -> {
            Header type = record.headers().lastHeader(CloudEvent.HEADER_TYPE);
            if (leadId.equals(utf8(record.key())) && type != null
                    && EventTypes.LEAD_ERASED.type().equals(utf8(type.value()))) {
                found.add(record);
            }
        });
        return found.stream().findFirst().map(record -> new Position(
                new TopicPartition(record.topic(), record.partition()), record.offset(),
                Instant.ofEpochMilli(record.timestamp())));
    }

    /** Reads each partition from its offset to its end now, looking for the person's marks. */
    Result search(Map<TopicPartition, Long> from, Person person) {
        Map<String, Long> records = new TreeMap<>();
        from.keySet().forEach(partition -> records.putIfAbsent(partition.topic(), 0L));
        List<Hit> hits = new ArrayList<>();
        read(from, record -> {
            records.merge(record.topic(), 1L, Long::sum);
            check(record, "key", record.key(), person, hits);
            check(record, "value", record.value(), person, hits);
            for (Header header : record.headers()) {
                check(record, "header " + header.key(), header.value(), person, hits);
            }
        });
        return new Result(records, hits);
    }

    private void read(Map<TopicPartition, Long> from, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(from.keySet());
        Map<TopicPartition, Long> pending = new HashMap<>();
        from.forEach((partition, offset) -> {
            if (offset < ends.get(partition)) {
                pending.put(partition, offset);
            }
        });
        consumer.assign(pending.keySet());
        pending.forEach(consumer::seek);
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!pending.isEmpty()) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("could not read to the end of " + pending.keySet() + " in 2 minutes");
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (pending.containsKey(partition) && record.offset() < ends.get(partition)) {
                    each.accept(record);
                }
            }
            // a partition is done at its end, even where the last offsets are transaction markers, not records
            pending.keySet().removeIf(partition -> consumer.position(partition) >= ends.get(partition));
            consumer.assign(pending.keySet());
        }
    }

    private static void check(ConsumerRecord<?, ?> record, String where, byte[] bytes, Person person, List<Hit> hits) {
        person.foundIn(utf8(bytes)).ifPresent(mark ->
                hits.add(new Hit(record.topic(), record.partition(), record.offset(), where, mark)));
    }

    private static String utf8(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
