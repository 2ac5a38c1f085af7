package dev.funnel.system.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.contracts.Topics;
import dev.funnel.contracts.access.Roles;
import dev.funnel.system.RunningFunnel;
import dev.funnel.system.tracing.OtlpReceiver.ReceivedSpan;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The proof of tracing: the three services run as real processes exporting spans over OTLP
 * (http/protobuf) to a receiver in this JVM, switched on by environment variables alone as a deployment
 * would; one lead's POST, its qualification in sales and the analytics updates of both events are spans
 * of one trace, each hop the child of the span that sent the record.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OneTraceAcrossServicesIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static OtlpReceiver receiver;
    private static RunningFunnel funnel;

    @BeforeAll
    static void startExporting() {
        receiver = OtlpReceiver.start();
        // a funnel of its own: the shared one runs with tracing as it ships, sampled at 0
        funnel = RunningFunnel.startPrivate(Map.of(
                "QUARKUS_OTEL_TRACES_SAMPLER_ARG", "1",
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", receiver.endpoint(),
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf",
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms"));
    }

    @AfterAll
    static void stop() {
        if (funnel != null) {
            funnel.close();
        }
        receiver.close();
    }

    // first: it finds its POST as the only one the funnel has served
    @Test
    @Order(1)
    void aLeadsPostItsQualificationAndItsAnalyticsUpdatesFormOneTrace() throws Exception {
        HttpResponse<String> created = HTTP.send(funnel.request(funnel.marketing("/api/leads"), Roles.LEAD_INTAKE)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"email": "traced-%s@example.com", "firstName": "Radia", "company": "DEC",
                         "jobTitle": "VP Engineering", "companySize": 5000, "timeline": "NOW",
                         "utm": {"source": "newsletter", "campaign": "tracing"}}""".formatted(UUID.randomUUID())))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        ReceivedSpan post = await().atMost(Duration.ofSeconds(30)).until(() -> receiver.spans().stream()
                .filter(s -> s.kind() == SpanKind.SPAN_KIND_SERVER && s.name().contains("/api/leads")).toList(),
                found -> found.size() == 1).get(0);
        assertThat(post.service()).isEqualTo("marketing-service");
        String trace = post.traceId();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<ReceivedSpan> spans = receiver.spans().stream().filter(s -> s.traceId().equals(trace)).toList();
            ReceivedSpan leadSent = one(spans, "marketing-service", Topics.MARKETING_LEADS + " publish");
            ReceivedSpan qualifying = one(spans, "sales-service", Topics.MARKETING_LEADS + " process");
            ReceivedSpan qualificationSent = one(spans, "sales-service", Topics.SALES_PIPELINE + " publish");
            ReceivedSpan leadCounted = one(spans, "analytics-service", Topics.MARKETING_LEADS + " process");
            ReceivedSpan qualificationCounted = one(spans, "analytics-service", Topics.SALES_PIPELINE + " process");

            assertThat(leadSent.parentSpanId()).isEqualTo(post.spanId());
            assertThat(qualifying.parentSpanId()).isEqualTo(leadSent.spanId());
            assertThat(leadCounted.parentSpanId()).isEqualTo(leadSent.spanId());
            assertThat(qualificationSent.parentSpanId()).isEqualTo(qualifying.spanId());
            assertThat(qualificationCounted.parentSpanId()).isEqualTo(qualificationSent.spanId());
            assertThat(spans).extracting(ReceivedSpan::service)
                    .contains("marketing-service", "sales-service", "analytics-service");
        });
    }

    /**
     * No span holds a person: a lead captured with every personal field, captured again and erased, and no
     * attribute of any span of the three services (nor of their events: an exception's message) holds its
     * email, names, phone, company or title.
     */
    @Test
    @Order(2)
    void noSpanHoldsALeadsPersonalData() throws Exception {
        String mark = Long.toString(new Random().nextLong() & Long.MAX_VALUE, 36);
        List<String> marks = List.of("spans" + mark + "@example.com", "Radia" + mark, "Perlman" + mark,
                "+1650" + (mark.hashCode() & Integer.MAX_VALUE), "Digital" + mark, "Fellow " + mark);
        String lead = """
                {"email": "%s", "firstName": "%s", "lastName": "%s", "phone": "%s", "company": "%s", "jobTitle": "%s",
                 "companySize": 5000, "timeline": "NOW", "utm": {"source": "newsletter", "campaign": "tracing"}}"""
                .formatted(marks.toArray());
        long leadEventsSeen = processed(Topics.MARKETING_LEADS).size();
        HttpResponse<String> created = post(lead);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = new ObjectMapper().readTree(created.body()).get("id").asText();
        assertThat(post(lead).statusCode()).isEqualTo(200);
        assertThat(HTTP.send(funnel.request(funnel.marketing("/api/leads/" + id), Roles.ADMIN).DELETE().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(204);

        // sales and analytics each processed the three events: generated, engaged, erased
        await().atMost(Duration.ofSeconds(60)).until(() -> processed(Topics.MARKETING_LEADS).size() >= leadEventsSeen + 6);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.spans().stream()
                .anyMatch(s -> s.kind() == SpanKind.SPAN_KIND_SERVER && s.name().startsWith("DELETE")));
        List<ReceivedSpan> spans = receiver.spans();
        List<String> holding = spans.stream().flatMap(span -> span.attributes().stream()
                        .filter(attribute -> marks.stream().anyMatch(m -> attribute.toLowerCase(Locale.ROOT)
                                .contains(m.toLowerCase(Locale.ROOT))))
                        .map(attribute -> span.service() + " '" + span.name() + "': " + attribute))
                .toList();
        System.out.printf("spans: searched %d attributes of %d spans for %s%n",
                spans.stream().mapToInt(s -> s.attributes().size()).sum(), spans.size(), marks);
        assertThat(spans).as("the search reads attribute values: the erasure's span holds the lead's id (its path)")
                .anyMatch(span -> span.attributes().stream().anyMatch(a -> a.contains(id)));
        assertThat(holding).as("span attributes holding the person").isEmpty();
    }

    private static HttpResponse<String> post(String lead) throws IOException, InterruptedException {
        return HTTP.send(funnel.request(funnel.marketing("/api/leads"), Roles.LEAD_INTAKE)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(lead)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The spans of sales and analytics processing a record of {@code topic}. */
    private static List<ReceivedSpan> processed(String topic) {
        return receiver.spans().stream().filter(s -> s.name().equals(topic + " process")).toList();
    }

    private static ReceivedSpan one(List<ReceivedSpan> spans, String service, String name) {
        List<ReceivedSpan> found = spans.stream().filter(s -> s.service().equals(service) && s.name().equals(name)).toList();
        assertThat(found).as("%s spans named '%s'", service, name).hasSize(1);
        return found.get(0);
    }
}
