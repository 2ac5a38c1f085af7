package dev.funnel.load;

import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.EventCodec;
import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.Topics;
import dev.funnel.contracts.lead.LeadGenerated;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
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
 * The analytics join benchmark, in phases a script runs around a stopped and restarted analytics-service:
 * <ol>
 *   <li>{@code preload}: writes N {@code LeadGenerated} events to {@code marketing.leads}, as marketing would, and
 *       the {@code sales.pipeline} events sales would publish for them ({@link SyntheticPipeline});</li>
 *   <li>{@code pass-sales}: moves the stopped sales-service's group past the preloaded leads, so sales neither
 *       competes for the two cores nor publishes pipeline events of its own for them while analytics is measured;</li>
 *   <li>{@code measure}: watches analytics' three consumer groups work through their lag and prints the events
 *       per second joined once it is gone.</li>
 * </ol>
 * Arguments: {@code preload|pass-sales|measure [events] [bootstrap servers]}; defaults 100000, 127.0.0.1:19092.
 */
public final class AnalyticsJoinLoad {

    /** Analytics' consumer groups and the topic each reads (analytics-service's application.properties). */
    private static final Map<String, String> GROUPS = orderedMap(
            "analytics-service", Topics.MARKETING_LEADS,
            "analytics-service-pipeline", Topics.SALES_PIPELINE,
            "analytics-service-campaigns", Topics.MARKETING_CAMPAIGNS);
    private static final String SALES_GROUP = "sales-service";

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !List.of("preload", "pass-sales", "measure").contains(args[0])) {
            System.err.println("usage: AnalyticsJoinLoad preload|pass-sales|measure [events=100000] [bootstrap=127.0.0.1:19092]");
            System.exit(2);
        }
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        String bootstrap = args.length > 2 ? args[2] : "127.0.0.1:19092";
        switch (args[0]) {
            case "preload" -> preload(events, bootstrap);
            case "pass-sales" -> passSales(bootstrap);
            default -> measure(bootstrap);
        }
    }

    private static void preload(int leadCount, String bootstrap) throws InterruptedException {
        SyntheticLeads leads = new SyntheticLeads("join-" + Long.toString(System.currentTimeMillis(), 36));
        SyntheticPipeline pipeline = new SyntheticPipeline();
        AtomicLong acked = new AtomicLong();
        AtomicLong pipelineEvents = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.CLIENT_ID_CONFIG, "analytics-join-load"),
                new StringSerializer(), new StringSerializer())) {
            Progress progress = new Progress("leads preloaded", leadCount);
            for (int i = 0; i < leadCount && failure.get() == null; i++) {
                Instant now = Instant.now();
                LeadGenerated lead = leads.lead(i, now);
                send(producer, Topics.MARKETING_LEADS, CloudEvent.of(EventTypes.LEAD_GENERATED, lead.leadId(), now),
                        lead.leadId().toString(), EventCodec.write(lead), acked, failure);
                // same key, same producer: a lead's moves reach its partition in the order sales made them
                for (SyntheticPipeline.Move move : pipeline.moves(i, lead)) {
                    send(producer, Topics.SALES_PIPELINE, CloudEvent.of(move.type(), lead.leadId(), move.at()),
                            lead.leadId().toString(), EventCodec.write(move.event()), acked, failure);
                    pipelineEvents.incrementAndGet();
                }
                progress.maybePrint(i + 1L);
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("preloading failed after " + acked.get() + " events", failure.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("preloaded %,d LeadGenerated events to %s and %,d pipeline events to %s in %.1f s (%,.0f events/s)%n",
                leadCount, Topics.MARKETING_LEADS, pipelineEvents.get(), Topics.SALES_PIPELINE, seconds, acked.get() / seconds);
    }

    private static void send(KafkaProducer<String, String> producer, String topic, CloudEvent envelope, String key,
                             String json, AtomicLong acked, AtomicReference<Exception> failure) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
        envelope.headers().forEach((name, value) -> record.headers().add(new RecordHeader(name, value)));
        producer.send(record, (metadata, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            } else {
                acked.incrementAndGet();
            }
        });
    }

    /** Kafka refuses to move a group's offsets while it has members: a stopped consumer may take a moment to leave. */
    private static void passSales(String bootstrap) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
            ends(admin, Topics.MARKETING_LEADS).forEach((tp, end) -> ends.put(tp, new OffsetAndMetadata(end)));
            long lagBefore = lag(admin, SALES_GROUP, Topics.MARKETING_LEADS);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (true) {
                try {
                    admin.alterConsumerGroupOffsets(SALES_GROUP, ends).all().get();
                    break;
                } catch (ExecutionException e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(1_000);
                }
            }
            System.out.printf("%s moved past %,d events on %s: it will not see the preloaded leads%n",
                    SALES_GROUP, lagBefore, Topics.MARKETING_LEADS);
        }
    }

    private static void measure(String bootstrap) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            Map<String, Long> lagAtStart = lags(admin);
            long totalAtStart = lagAtStart.values().stream().mapToLong(Long::longValue).sum();
            long deadLettersAtStart = deadLetters(admin);
            System.out.printf("waiting for analytics: lag %s%n", lagAtStart);
            long pollStart = System.nanoTime();
            long firstProgress = 0;
            long halfway = 0;
            long drained = 0;
            long lag = totalAtStart;
            long deadline = System.nanoTime() + Duration.ofMinutes(45).toNanos();
            Map<String, Long> lags = lagAtStart;
            long previousPoll = pollStart;
            while (System.nanoTime() < deadline && drained == 0) {
                Thread.sleep(1_000);
                lags = lags(admin);
                lag = lags.values().stream().mapToLong(Long::longValue).sum();
                long now = System.nanoTime();
                if (firstProgress == 0 && lag < totalAtStart) {
                    firstProgress = previousPoll; // it began after the last poll that still saw the whole lag
                }
                previousPoll = now;
                if (firstProgress != 0) {
                    System.out.printf("  %5.0f s  lag %,d  (%s)%n", (now - firstProgress) / 1e9, lag, lags);
                }
                if (halfway == 0 && firstProgress != 0 && lag <= totalAtStart / 2) {
                    halfway = now;
                }
                if (firstProgress != 0 && lag == 0) {
                    drained = now;
                }
            }
            if (drained == 0) {
                System.out.printf("NOT DONE after 45 min: lag %,d of %,d (%s)%n", lag, totalAtStart, lags);
                System.exit(1);
            }
            double seconds = (drained - firstProgress) / 1e9;
            double secondHalf = (drained - halfway) / 1e9;
            System.out.printf("joined %,d events (%s) in %.0f s: %,.0f events/s%n", totalAtStart, lagAtStart, seconds,
                    totalAtStart / seconds);
            System.out.printf("second half alone (the JVM warm): %,d events in %.0f s: %,.0f events/s%n",
                    totalAtStart - totalAtStart / 2, secondHalf, (totalAtStart - totalAtStart / 2) / Math.max(secondHalf, 1e-9));
            System.out.printf("dead-lettered meanwhile: %,d%n", deadLetters(admin) - deadLettersAtStart);
            Thread.sleep(5_000);
            System.out.printf("lag 5 s after the load stopped: %s%n", lags(admin));
        }
    }

    private static Map<String, Long> lags(Admin admin) throws Exception {
        Map<String, Long> lags = new LinkedHashMap<>();
        for (Map.Entry<String, String> group : GROUPS.entrySet()) {
            lags.put(group.getValue(), lag(admin, group.getKey(), group.getValue()));
        }
        return lags;
    }

    /** How far the group is behind on the topic, over all partitions. */
    private static long lag(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : ends(admin, topic).entrySet()) {
            OffsetAndMetadata at = committed.get(end.getKey());
            lag += end.getValue() - (at == null ? 0 : at.offset());
        }
        return lag;
    }

    private static long deadLetters(Admin admin) {
        try {
            return ends(admin, Topics.ANALYTICS_DEAD_LETTER).values().stream().mapToLong(Long::longValue).sum();
        } catch (Exception e) {
            return 0; // no dead letter yet: the topic is created with the first one
        }
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

    private static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private AnalyticsJoinLoad() {
    }
}
