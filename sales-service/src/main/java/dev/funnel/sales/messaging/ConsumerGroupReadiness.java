package dev.funnel.sales.messaging;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only once the lead-events consumer has joined its group and received its share of
 * partitions (possibly none, when there are more instances than partitions). Until then a lead
 * posted to marketing would wait for the group to form, so the service is not yet ready to follow
 * the funnel.
 */
@ApplicationScoped
@Identifier(ConsumerGroupReadiness.NAME)
@Readiness
public class ConsumerGroupReadiness implements KafkaConsumerRebalanceListener, HealthCheck {

    /** Referred to by {@code mp.messaging.incoming.lead-events.consumer-rebalance-listener.name}. */
    public static final String NAME = "lead-events-group";

    private volatile boolean joined;
    /** Partitions per consumer: the channel runs several consumers (its concurrency), all told here. */
    private final Map<Consumer<?, ?>, Integer> partitions = new ConcurrentHashMap<>();

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> assigned) {
        partitions.put(consumer, assigned.size());
        joined = true;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("lead-events consumer group")
                .status(joined)
                .withData("partitions", partitions.values().stream().mapToInt(Integer::intValue).sum())
                .build();
    }
}
