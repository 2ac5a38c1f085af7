package dev.funnel.analytics;

import static org.awaitility.Awaitility.await;

import dev.funnel.testing.FunnelInfrastructure;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Whether analytics' consumer groups have committed every record on their topics: then every delivery is handled. */
public final class ConsumerLag {

    /** Each consumer group of the service and the topic it reads. */
    private static final Map<String, String> GROUPS = Map.of(
            "analytics-service", "marketing.leads",
            "analytics-service-campaigns", "marketing.campaigns",
            "analytics-service-pipeline", "sales.pipeline");

    private ConsumerLag() {
    }

    /** Waits until no group has a record left to handle (offsets are committed every few seconds). */
    public static void awaitNone() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, FunnelInfrastructure.bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        for (Map.Entry<String, String> group : GROUPS.entrySet()) {
                            if (!caughtUp(admin, group.getKey(), group.getValue())) {
                                return false;
                            }
                        }
                        return true;
                    });
        }
    }

    private static boolean caughtUp(Admin admin, String group, String topic) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().entrySet().stream().allMatch(end -> {
            OffsetAndMetadata done = committed.get(end.getKey());
            return end.getValue().offset() == 0 || (done != null && done.offset() >= end.getValue().offset());
        });
    }
}
