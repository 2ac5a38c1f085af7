package dev.funnel.load;

import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.EventCodec;
import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.Topics;
import dev.funnel.contracts.lead.LeadGenerated;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The sales intake benchmark, in two phases a script runs around a stopped and restarted sales-service:
 * <ol>
 *   <li>{@code preload}: writes N {@code LeadGenerated} events to {@code marketing.leads}, as marketing would;</li>
 *   <li>{@code measure}: watches the sales consumer group work through them — its lag on
 *       {@code marketing.leads} and the qualification events it adds to {@code sales.pipeline} — and
 *       prints consumed and qualified events per second once the lag is gone.</li>
 * </ol>
 * Arguments: {@code preload|measure [events] [bootstrap servers] [consumer group]}; defaults
 * 200000, 127.0.0.1:19092, sales-service.
 */
public final class SalesIntakeLoad {

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !List.of("preload", "measure").contains(args[0])) {
            System.err.println("usage: SalesIntakeLoad preload|measure [events=200000] [bootstrap=127.0.0.1:19092] [group=sales-service]");
            System.exit(2);
        }
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        String bootstrap = args.length > 2 ? args[2] : "127.0.0.1:19092";
        String group = args.length > 3 ? args[3] : "sales-service";
        if (args[0].equals("preload")) {
            preload(events, bootstrap);
        } else {
            measure(events, bootstrap, group);
        }
    }

    private static void preload(int events, String bootstrap) throws InterruptedException {
        SyntheticLeads leads = new SyntheticLeads(Long.toString(System.currentTimeMillis(), 36));
        AtomicLong acked = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.CLIENT_ID_CONFIG, "sales-intake-load"),
                new StringSerializer(), new StringSerializer())) {
            Progress progress = new Progress("preloaded", events);
            for (int i = 0; i < events && failure.get() == null; i++) {
                Instant now = Instant.now();
                LeadGenerated lead = leads.lead(i, now);
                CloudEvent envelope = CloudEvent.of(EventTypes.LEAD_GENERATED, lead.leadId(), now);
                ProducerRecord<String, String> record = new ProducerRecord<>(Topics.MARKETING_LEADS,
                        lead.leadId().toString(), EventCodec.write(lead));
                envelope.headers().forEach((name, value) -> record.headers().add(new RecordHeader(name, value)));
                producer.send(record, (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    } else {
                        acked.incrementAndGet();
                    }
                });
                progress.maybePrint(acked.get());
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("preloading failed after " + acked.get() + " events", failure.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("preloaded %d LeadGenerated events to %s in %.1f s (%.0f events/s)%n",
                acked.get(), Topics.MARKETING_LEADS, seconds, acked.get() / seconds);
    }

    private static void measure(int events, String bootstrap, String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            long pipelineAtStart = endOffsets(admin, Topics.SALES_PIPELINE);
            long lagAtStart = lag(admin, group);
            System.out.printf("waiting for %s: lag %d on %s, %d events on %s%n",
                    group, lagAtStart, Topics.MARKETING_LEADS, pipelineAtStart, Topics.SALES_PIPELINE);
            long firstProgress = 0;
            long drained = 0;
            long qualified = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            long lag = lagAtStart;
            long pipeline = 0;
            while (System.nanoTime() < deadline && (drained == 0 || qualified == 0)) {
                Thread.sleep(1_000);
                lag = lag(admin, group);
                pipeline = endOffsets(admin, Topics.SALES_PIPELINE) - pipelineAtStart;
                long now = System.nanoTime();
                if (firstProgress == 0 && (lag < lagAtStart || pipeline > 0)) {
                    firstProgress = now - 1_000_000_000L; // progress began within the last second
                }
                if (firstProgress != 0) {
                    System.out.printf("  %5.0f s  lag %,d  pipeline events %,d%n", (now - firstProgress) / 1e9, lag, pipeline);
                }
                if (drained == 0 && firstProgress != 0 && lag == 0) {
                    drained = now;
                }
                // each waiting lead gives one qualification event (the script starts this before sales-service)
                if (qualified == 0 && pipeline >= lagAtStart) {
                    qualified = now;
                }
            }
            if (drained == 0 || qualified == 0) {
                System.out.printf("NOT DONE after 30 min: lag %d, pipeline events %d of %d%n", lag, pipeline, lagAtStart);
                System.exit(1);
            }
            double consumeSeconds = (drained - firstProgress) / 1e9;
            double qualifySeconds = (qualified - firstProgress) / 1e9;
            System.out.printf("consumed  %,d events in %.0f s: %,.0f events/s%n", lagAtStart, consumeSeconds, lagAtStart / consumeSeconds);
            System.out.printf("qualified %,d leads in %.0f s: %,.0f leads/s (pipeline events seen: %,d)%n",
                    lagAtStart, qualifySeconds, lagAtStart / qualifySeconds, pipeline);
            Thread.sleep(5_000);
            System.out.printf("lag 5 s after the load stopped: %d%n", lag(admin, group));
        }
    }

    /** How far the group is behind on marketing.leads, over all partitions. */
    private static long lag(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, Long> ends = ends(admin, Topics.MARKETING_LEADS);
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            OffsetAndMetadata at = committed.get(end.getKey());
            lag += end.getValue() - (at == null ? 0 : at.offset());
        }
        return lag;
    }

    private static long endOffsets(Admin admin, String topic) throws Exception {
        return ends(admin, topic).values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<TopicPartition, Long> ends(Admin admin, String topic) throws Exception {
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(request).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    private SalesIntakeLoad() {
    }
}
