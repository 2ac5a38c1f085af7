package dev.funnel.marketing.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.Topics;
import dev.funnel.contracts.lead.LeadErased;
import dev.funnel.testing.FunnelInfrastructure;
import dev.funnel.testing.TopicRecords;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A lead's event leaves through the outbox, on the relay's thread and maybe much later, yet its Kafka
 * record continues the trace of the POST that captured the lead: the record's {@code traceparent} names
 * the relay's publish span, whose parent is that POST's server span.
 */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "marketing"))
class LeadTraceTest {

    @Inject
    InMemorySpanExporter spans;

    @Inject
    Outbox outbox;

    /** The trace a caller of the API would send along: a fresh trace id and the caller's span id. */
    private record CallerTrace(String traceId, String spanId) {
        static CallerTrace fresh() {
            return new CallerTrace(hex(16), hex(8));
        }

        String traceparent() {
            return "00-" + traceId + "-" + spanId + "-01";
        }

        private static String hex(int bytes) {
            byte[] random = new byte[bytes];
            ThreadLocalRandom.current().nextBytes(random);
            return HexFormat.of().formatHex(random);
        }
    }

    private static String lead(String email) {
        return """
                {"email": "%s", "firstName": "Grace", "country": "US", "utm": {"campaign": "traced"}}""".formatted(email);
    }

    private static UUID post(CallerTrace caller, String idempotencyKey) {
        var request = given().contentType(ContentType.JSON).header("traceparent", caller.traceparent())
                .body(lead("traced+" + UUID.randomUUID() + "@example.com"));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return UUID.fromString(request.post("/api/leads").then().statusCode(201).extract().path("id"));
    }

    @Test
    void aLeadsEventCarriesTheTraceOfThePostThatCapturedIt() {
        CallerTrace caller = CallerTrace.fresh();
        UUID lead = post(caller, "trace-" + UUID.randomUUID());

        ConsumerRecord<String, String> record = onlyRecordOf(lead);

        assertContinuesThePost(record, caller);
    }

    @Test
    void leadsCommittedTogetherEachCarryTheirOwnRequestsTrace() throws Exception {
        List<CallerTrace> callers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            callers.add(CallerTrace.fresh());
        }
        Map<UUID, CallerTrace> callerOfLead = new java.util.HashMap<>();
        ExecutorService posters = Executors.newFixedThreadPool(20);
        try {
            List<Future<UUID>> leads = new ArrayList<>();
            for (CallerTrace caller : callers) {
                leads.add(posters.submit(() -> post(caller, null)));
            }
            for (int i = 0; i < callers.size(); i++) {
                callerOfLead.put(leads.get(i).get(), callers.get(i));
            }
        } finally {
            posters.shutdown();
        }

        List<ConsumerRecord<String, String>> records = TopicRecords.await(FunnelInfrastructure.bootstrapServers(),
                Topics.MARKETING_LEADS, r -> callerOfLead.containsKey(UUID.fromString(r.key())), callers.size(),
                Duration.ofSeconds(30));

        assertThat(records).hasSize(callers.size());
        for (ConsumerRecord<String, String> record : records) {
            assertContinuesThePost(record, callerOfLead.get(UUID.fromString(record.key())));
        }
    }

    @Test
    void anEventWrittenOutsideAnyTraceIsSentWithoutTraceHeaders() {
        UUID lead = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() ->
                outbox.append(EventTypes.LEAD_ERASED, lead, new LeadErased(lead, Instant.now()), Instant.now()));

        ConsumerRecord<String, String> record = onlyRecordOf(lead);

        assertThat(TopicRecords.cloudEvent(record).type()).isEqualTo(EventTypes.LEAD_ERASED.type());
        assertThat(record.headers().headers(EventTrace.TRACEPARENT)).isEmpty();
        assertThat(record.headers().headers(EventTrace.TRACESTATE)).isEmpty();
    }

    private static ConsumerRecord<String, String> onlyRecordOf(UUID lead) {
        List<ConsumerRecord<String, String>> records = TopicRecords.await(FunnelInfrastructure.bootstrapServers(),
                Topics.MARKETING_LEADS, TopicRecords.keyed(lead), 1, Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    /**
     * The record's traceparent is the caller's trace, and names a publish span whose parent is the server
     * span of the caller's POST: the context went from the request through the outbox row to the record.
     */
    private void assertContinuesThePost(ConsumerRecord<String, String> record, CallerTrace caller) {
        String[] traceparent = TopicRecords.header(record, EventTrace.TRACEPARENT).split("-");
        assertThat(traceparent).hasSize(4);
        assertThat(traceparent[1]).as("the record's trace id").isEqualTo(caller.traceId());
        String publishSpanId = traceparent[2];

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Map<String, SpanData> byId = spans.getFinishedSpanItems().stream()
                    .filter(s -> s.getTraceId().equals(caller.traceId()))
                    .collect(Collectors.toMap(SpanData::getSpanId, Function.identity()));
            SpanData publish = byId.get(publishSpanId);
            assertThat(publish).as("the publish span the record names").isNotNull();
            assertThat(publish.getKind()).isEqualTo(SpanKind.PRODUCER);
            assertThat(publish.getName()).isEqualTo(Topics.MARKETING_LEADS + " publish");
            SpanData post = byId.get(publish.getParentSpanId());
            assertThat(post).as("the span the publish span continues").isNotNull();
            assertThat(post.getKind()).isEqualTo(SpanKind.SERVER);
            assertThat(post.getParentSpanId()).as("the POST's server span is the caller's child").isEqualTo(caller.spanId());
        });
    }
}
