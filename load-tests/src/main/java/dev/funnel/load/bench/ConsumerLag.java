package dev.funnel.load.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Every consumer group's lag, once a second: the sum over the partitions it has committed offsets for of
 * (end offset - committed offset). A group is whatever the broker lists, so the bench needs no list of
 * the services' group names.
 */
final class ConsumerLag implements AutoCloseable {

    /** The lag of each group at one second of the run (seconds from the measured start; warm-up is negative). */
    record Sample(int second, Map<String, Long> lagByGroup) {
    }

    private final Admin admin;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "consumer-lag");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Sample> samples = new ArrayList<>();
    private volatile String problem;

    ConsumerLag(String bootstrap) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, "funnel-bench-lag"));
    }

    void start(long measuredFrom) {
        clock.scheduleAtFixedRate(() -> {
            try {
                Map<String, Long> lag = lagByGroup();
                int second = (int) Math.floorDiv(System.nanoTime() - measuredFrom, 1_000_000_000L);
                synchronized (samples) {
                    samples.add(new Sample(second, lag));
                }
            } catch (Exception e) {
                problem = e.toString();
            }
        }, 0, 1, TimeUnit.SECONDS);
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    String problem() {
        return problem;
    }

    Map<String, Long> lagByGroup() throws ExecutionException, InterruptedException {
        Collection<ConsumerGroupListing> groups = admin.listConsumerGroups().all().get();
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new TreeMap<>();
        Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
        for (ConsumerGroupListing group : groups) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get();
            committed.put(group.groupId(), offsets);
            offsets.keySet().forEach(partition -> wanted.put(partition, OffsetSpec.latest()));
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(wanted).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
        Map<String, Long> lag = new TreeMap<>();
        committed.forEach((group, offsets) -> lag.put(group, offsets.entrySet().stream()
                .filter(e -> e.getValue() != null && ends.containsKey(e.getKey()))
                .mapToLong(e -> Math.max(0, ends.get(e.getKey()) - e.getValue().offset())).sum()));
        return lag;
    }

    @Override
    public void close() {
        clock.shutdownNow();
        admin.close();
    }
}
