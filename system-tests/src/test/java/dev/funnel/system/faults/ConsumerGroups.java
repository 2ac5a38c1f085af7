package dev.funnel.system.faults;

import dev.funnel.contracts.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * The services' consumer groups as the broker sees them: how far each is behind, and a rewind to the
 * start of its topic, which makes every consumer see every event a second time.
 */
final class ConsumerGroups implements AutoCloseable {

    /** Each group the services consume with, and its topic (from the services' application.properties). */
    static final Map<String, String> TOPIC_OF_GROUP = Map.of(
            "sales-service", Topics.MARKETING_LEADS,
            "analytics-service", Topics.MARKETING_LEADS,
            "analytics-service-campaigns", Topics.MARKETING_CAMPAIGNS,
            "analytics-service-pipeline", Topics.SALES_PIPELINE);

    private final Admin admin;

    ConsumerGroups(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /**
     * Sets the committed offsets of {@code group} to the start of its topic. The group must have no
     * member: the broker refuses to move the offsets of a group whose consumers are running.
     */
    void rewindToStart(String group) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> start = offsets(TOPIC_OF_GROUP.get(group), OffsetSpec.earliest())
                .entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())));
        admin.alterConsumerGroupOffsets(group, start).all().get();
    }

    /** Events of the group's topic its consumers have not yet committed; a partition never committed counts in full. */
    long lag(String group) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : offsets(TOPIC_OF_GROUP.get(group), OffsetSpec.latest()).entrySet()) {
            OffsetAndMetadata at = committed.get(end.getKey());
            lag += end.getValue() - (at == null ? 0 : at.offset());
        }
        return lag;
    }

    /** The lag of every group, by group. */
    Map<String, Long> lags() throws ExecutionException, InterruptedException {
        Map<String, Long> lags = new HashMap<>();
        for (String group : TOPIC_OF_GROUP.keySet()) {
            lags.put(group, lag(group));
        }
        return lags;
    }

    private Map<TopicPartition, Long> offsets(String topic, OffsetSpec spec)
            throws ExecutionException, InterruptedException {
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        // read_committed: the end a consumer can reach, not an open transaction's records
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> spec)),
                        new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    @Override
    public void close() {
        admin.close();
    }
}
