package dev.funnel.sales.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.EventCodec;
import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.Topics;
import dev.funnel.contracts.pipeline.PipelineStage;
import dev.funnel.sales.PipelineRecords;
import dev.funnel.sales.TestLeads;
import dev.funnel.testing.EventProducer;
import dev.funnel.testing.FunnelInfrastructure;
import dev.funnel.testing.TopicRecords;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A lead event is processed under a span whose parent is the trace in its record's headers, one span per
 * event even when a whole poll is applied in one transaction, and the pipeline event it causes continues
 * that trace on {@code sales.pipeline}: the record's traceparent names the relay's publish span, a child
 * of the processing span.
 */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "sales"))
class LeadEventTraceTest {

    private static EventProducer events;

    @Inject
    InMemorySpanExporter spans;

    @BeforeAll
    static void connect() {
        events = new EventProducer(FunnelInfrastructure.bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    /** The trace an upstream service sends along: a fresh trace id and the sender's span id. */
    private record SenderTrace(String traceId, String spanId) {
        static SenderTrace fresh() {
            return new SenderTrace(hex(16), hex(8));
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

    @Test
    void eachLeadEventOfAPollIsProcessedInItsRecordsTraceAndItsPipelineEventContinuesIt() {
        TestLeads.addRep("Katherine Johnson");
        List<UUID> leads = new ArrayList<>();
        List<SenderTrace> senders = new ArrayList<>();
        // published back to back, so that most of them are applied in one poll and one transaction
        for (int i = 0; i < 12; i++) {
            UUID lead = UUID.randomUUID();
            SenderTrace sender = SenderTrace.fresh();
            CloudEvent event = CloudEvent.of(EventTypes.LEAD_GENERATED, lead, Instant.now());
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.MARKETING_LEADS, lead.toString(),
                    EventCodec.write(TestLeads.promising(lead)));
            event.headers().forEach((name, bytes) -> record.headers().add(new RecordHeader(name, bytes)));
            record.headers().add(new RecordHeader("traceparent", sender.traceparent().getBytes(StandardCharsets.UTF_8)));
            events.send(record);
            leads.add(lead);
            senders.add(sender);
        }

        for (int i = 0; i < leads.size(); i++) {
            TestLeads.awaitStage(leads.get(i), PipelineStage.QUALIFIED);
            List<ConsumerRecord<String, String>> published = PipelineRecords.about(leads.get(i), 1);
            assertThat(published).hasSize(1);
            SenderTrace sender = senders.get(i);

            SpanData processing = awaitSpan(sender.traceId(), SpanKind.CONSUMER, sender.spanId());
            assertThat(processing.getName()).isEqualTo(Topics.MARKETING_LEADS + " process");
            assertThat(processing.getParentSpanContext().isRemote()).isTrue();
            assertContinues(published.get(0), processing);
        }
    }

    @Test
    void aLeadEventWithoutTraceHeadersStartsATraceThatItsPipelineEventCarries() {
        TestLeads.addRep("Dorothy Vaughan");
        UUID lead = TestLeads.bringIn(events, TestLeads.promising(UUID.randomUUID()), PipelineStage.QUALIFIED);

        ConsumerRecord<String, String> published = PipelineRecords.about(lead, 1).get(0);

        String traceId = TopicRecords.header(published, EventTrace.TRACEPARENT).split("-")[1];
        SpanData processing = awaitSpan(traceId, SpanKind.CONSUMER, SpanId.getInvalid());
        assertThat(processing.getParentSpanContext().isValid()).as("a root span: the record named no parent").isFalse();
        assertContinues(published, processing);
    }

    @Test
    void aRepsMoveIsPublishedInTheTraceOfTheirRequest() {
        TestLeads.addRep("Mary Jackson");
        UUID lead = TestLeads.bringIn(events, TestLeads.promising(UUID.randomUUID()), PipelineStage.QUALIFIED);
        SenderTrace rep = SenderTrace.fresh();

        given().contentType(ContentType.JSON).header("traceparent", rep.traceparent()).body(Map.of("to", "CONTACTED"))
                .post("/api/leads/{id}/transitions", lead).then().statusCode(200);

        List<ConsumerRecord<String, String>> published = PipelineRecords.about(lead, 2);
        assertThat(PipelineRecords.types(published))
                .containsExactly(EventTypes.LEAD_QUALIFIED.type(), EventTypes.STAGE_CHANGED.type());
        SpanData request = awaitSpan(rep.traceId(), SpanKind.SERVER, rep.spanId());
        assertContinues(published.get(1), request);
    }

    /** The one finished span of this kind in the trace whose parent is the given span id. */
    private SpanData awaitSpan(String traceId, SpanKind kind, String parentSpanId) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getTraceId().equals(traceId) && s.getKind() == kind
                        && s.getParentSpanId().equals(parentSpanId))
                .toList(), found -> found.size() == 1).get(0);
    }

    /** The record's traceparent names a publish span of the same trace whose parent is {@code cause}. */
    private void assertContinues(ConsumerRecord<String, String> record, SpanData cause) {
        String[] traceparent = TopicRecords.header(record, EventTrace.TRACEPARENT).split("-");
        assertThat(traceparent[1]).as("the pipeline record's trace id").isEqualTo(cause.getTraceId());
        SpanData publish = await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getSpanId().equals(traceparent[2])).findFirst(), Optional::isPresent).get();
        assertThat(publish.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(publish.getName()).isEqualTo(Topics.SALES_PIPELINE + " publish");
        assertThat(publish.getParentSpanId()).as("the publish span continues the cause").isEqualTo(cause.getSpanId());
    }
}
