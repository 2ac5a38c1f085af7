package dev.funnel.analytics.messaging;

import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Ready only once a consumer has joined its group and received its share of partitions (possibly none,
 * when there are more instances than partitions). Until then its topic's events wait for the group to form,
 * so the service is not yet ready to follow the funnel.
 */
abstract class GroupReadiness implements KafkaConsumerRebalanceListener, HealthCheck {

    private final String check;
    private volatile boolean joined;
    private volatile int partitions;

    GroupReadiness(String check) {
        this.check = check;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> assigned) {
        partitions = assigned.size();
        joined = true;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(check)
                .status(joined)
                .withData("partitions", partitions)
                .build();
    }
}
