package dev.funnel.analytics.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.funnel.analytics.FunnelEvents;
import dev.funnel.analytics.LeadFact;
import dev.funnel.contracts.Channel;
import dev.funnel.contracts.Topics;
import dev.funnel.testing.EventProducer;
import dev.funnel.testing.FunnelInfrastructure;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

/** Each applied event gets a span whose parent is the trace context in its record's headers. */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class EventTraceTest {

    private static final AttributeKey<String> EVENT_ID = AttributeKey.stringKey("messaging.message.id");

    @Inject
    InMemorySpanExporter spans;

    /** The trace a producing service sends along: a fresh trace id and its publish span's id. */
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

    private static void publish(FunnelEvents.Event event, String value, SenderTrace sender) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.envelope().subject(), value);
        event.envelope().headers().forEach((name, bytes) -> record.headers().add(new RecordHeader(name, bytes)));
        record.headers().add(new RecordHeader("traceparent", sender.traceparent().getBytes(StandardCharsets.UTF_8)));
        try (EventProducer producer = new EventProducer(FunnelInfrastructure.bootstrapServers())) {
            producer.send(record);
        }
    }

    /** The one span of this event, once it has ended. */
    private SpanData awaitSpanOf(FunnelEvents.Event event) {
        String id = event.envelope().id().toString();
        return await().atMost(Duration.ofSeconds(30)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> id.equals(s.getAttributes().get(EVENT_ID))).toList(), found -> found.size() == 1).get(0);
    }

    @Test
    void aLeadEventIsAppliedUnderASpanOfItsRecordsTrace() {
        UUID lead = UUID.randomUUID();
        FunnelEvents.Event generated = FunnelEvents.generated(lead, UUID.randomUUID(), Channel.SEARCH,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        SenderTrace sender = SenderTrace.fresh();

        publish(generated, generated.json(), sender);

        SpanData applied = awaitSpanOf(generated);
        assertThat(applied.getName()).isEqualTo(Topics.MARKETING_LEADS + " process");
        assertThat(applied.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(applied.getTraceId()).isEqualTo(sender.traceId());
        assertThat(applied.getParentSpanId()).isEqualTo(sender.spanId());
        assertThat(applied.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        LeadFact fact = QuarkusTransaction.requiringNew().call(() -> LeadFact.findById(lead));
        assertThat(fact).as("the span ends once the event is applied").isNotNull();
    }

    @Test
    void aPipelineEventIsAppliedUnderASpanOfItsRecordsTrace() {
        FunnelEvents.Event qualified = FunnelEvents.qualified(UUID.randomUUID(), Instant.now());
        SenderTrace sender = SenderTrace.fresh();

        publish(qualified, qualified.json(), sender);

        SpanData applied = awaitSpanOf(qualified);
        assertThat(applied.getName()).isEqualTo(Topics.SALES_PIPELINE + " process");
        assertThat(applied.getTraceId()).isEqualTo(sender.traceId());
        assertThat(applied.getParentSpanId()).isEqualTo(sender.spanId());
    }

    @Test
    void anEventThatCanNeverBeAppliedEndsItsSpanAsFailed() {
        FunnelEvents.Event generated = FunnelEvents.generated(UUID.randomUUID(), UUID.randomUUID(), Channel.EMAIL,
                Instant.now());
        SenderTrace sender = SenderTrace.fresh();

        publish(generated, "{\"leadId\": 42", sender);

        SpanData failed = awaitSpanOf(generated);
        assertThat(failed.getTraceId()).isEqualTo(sender.traceId());
        assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    }
}
