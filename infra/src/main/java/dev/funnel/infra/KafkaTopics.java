package dev.funnel.infra;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import dev.funnel.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/** Creates the funnel's topics before any service consumes, so nobody reads a topic that is not there yet. */
public final class KafkaTopics {

    /** Partitions per topic: enough for consumer groups of up to three instances per service. */
    public static final int PARTITIONS = 3;

    /**
     * Event topics keep every event: an analytics rebuild replays them from the first offset, and a
     * topic trimmed by the broker's default (7 days) would silently shrink its figures.
     */
    public static final long EVENT_RETENTION_MS = -1;

    /** Dead letters stay 30 days: time for someone to look at them and replay what was fixed. */
    public static final long DEAD_LETTER_RETENTION_MS = Duration.ofDays(30).toMillis();

    /** How long {@code topic} keeps its records, in milliseconds ({@code -1}: for ever). */
    public static long retentionMs(String topic) {
        return Topics.DEAD_LETTERS.contains(topic) ? DEAD_LETTER_RETENTION_MS : EVENT_RETENTION_MS;
    }

    /** Creates every event and dead-letter topic of the funnel that is missing. */
    public static void ensureFunnelTopics(String bootstrapServers) {
        ensure(bootstrapServers, Stream.concat(Topics.ALL.stream(), Topics.DEAD_LETTERS.stream()).toList());
    }

    /**
     * Creates each missing topic with {@link #PARTITIONS} partitions and its {@link #retentionMs retention};
     * an existing topic keeps its partitions and data, and its retention is set to the same.
     */
    public static void ensure(String bootstrapServers, List<String> topics) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, PARTITIONS, (short) 1).configs(Map.of(
                            TopicConfig.RETENTION_MS_CONFIG, Long.toString(retentionMs(t)))))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            Map<ConfigResource, Collection<AlterConfigOp>> retention = topics.stream()
                    .filter(existing::contains)
                    .collect(Collectors.toMap(t -> new ConfigResource(ConfigResource.Type.TOPIC, t),
                            t -> List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG,
                                    Long.toString(retentionMs(t))), AlterConfigOp.OpType.SET))));
            if (!retention.isEmpty()) {
                admin.incrementalAlterConfigs(retention).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new IllegalStateException("cannot create topics " + topics + ": " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " did not answer within 30 s", e);
        }
    }

    private KafkaTopics() {
    }
}
