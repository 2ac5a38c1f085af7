package dev.funnel.testing;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Kafka broker (KRaft, one combined broker+controller) inside the test JVM, from Kafka's own
 * test kit: no second JVM to start, and it dies with the tests. Kafka's internal API, so its package
 * may move between Kafka majors: this is the one class to change when it does.
 */
final class InProcessKafka implements AutoCloseable {

    private final KafkaClusterTestKit cluster;
    private boolean closed;

    private InProcessKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    static InProcessKafka start() {
        // The broker halts its JVM on some failures, e.g. when a background thread finds its log
        // directory gone while the test kit deletes it during shutdown: that is the test JVM here,
        // and a halt(1) after green tests fails the build. Report instead.
        Exit.Procedure report = (status, message) -> System.err.println(
                "in-process Kafka asked to end the JVM with status " + status + " (ignored): " + message);
        Exit.setHaltProcedure(report);
        Exit.setExitProcedure(report);
        try {
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    // the default is the newest, possibly unstable, metadata version
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .build())
                    // one node: internal topics with one replica, or consumer groups never form
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "3")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                    .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("num.partitions", "3")
                    .setConfigProp("auto.create.topics.enable", "false")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new InProcessKafka(cluster);
        } catch (Exception e) {
            throw new IllegalStateException("the in-process Kafka broker did not start: " + e.getMessage(), e);
        }
    }

    String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Idempotent: the test kit throws on a second close. */
    @Override
    public synchronized void close() throws Exception {
        if (!closed) {
            closed = true;
            cluster.close();
        }
    }
}
