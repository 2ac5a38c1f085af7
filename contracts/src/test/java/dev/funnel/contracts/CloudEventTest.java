package dev.funnel.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CloudEventTest {

    private static final CloudEvent EVENT = new CloudEvent(
            UUID.fromString("3e0f6a4c-7b1d-4f2e-9a8b-5c6d7e8f9a0b"), EventTypes.LEAD_GENERATED.type(),
            EventSource.MARKETING, Samples.LEAD_ID.toString(), Instant.parse("2025-03-14T09:26:53.589Z"));

    @Test
    void headersReadBackToTheSameEvent() {
        Map<String, byte[]> headers = EVENT.headers();

        assertThat(CloudEvent.fromHeaders(headers::get)).isEqualTo(EVENT);
    }

    @Test
    void headersAreTheBinaryModeAttributesAsUtf8Text() {
        Map<String, String> headers = text(EVENT.headers());

        assertThat(headers).containsExactly(
                Map.entry("ce_specversion", "1.0"),
                Map.entry("ce_id", "3e0f6a4c-7b1d-4f2e-9a8b-5c6d7e8f9a0b"),
                Map.entry("ce_type", "dev.funnel.marketing.lead.generated.v1"),
                Map.entry("ce_source", "/funnel/marketing-service"),
                Map.entry("ce_subject", "6f1c2b8e-3d4a-4c5b-9e7f-0a1b2c3d4e5f"),
                Map.entry("ce_time", "2025-03-14T09:26:53.589Z"),
                Map.entry("content-type", "application/json"));
    }

    @Test
    void newEventTakesTypeAndSourceFromItsEventTypeAndAFreshId() {
        Instant at = Instant.parse("2025-03-14T10:00:00Z");

        CloudEvent first = CloudEvent.of(EventTypes.LEAD_ERASED, Samples.LEAD_ID, at);
        CloudEvent second = CloudEvent.of(EventTypes.LEAD_ERASED, Samples.LEAD_ID, at);

        assertThat(first.type()).isEqualTo("dev.funnel.marketing.lead.erased.v1");
        assertThat(first.source()).isEqualTo(EventSource.MARKETING);
        assertThat(first.subject()).isEqualTo(Samples.LEAD_ID.toString());
        assertThat(first.time()).isEqualTo(at);
        assertThat(first.id()).isNotEqualTo(second.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ce_specversion", "ce_id", "ce_type", "ce_source", "ce_subject", "ce_time"})
    void missingHeaderIsAnInvalidEventNamingIt(String header) {
        Map<String, byte[]> headers = EVENT.headers();
        headers.remove(header);

        assertThatThrownBy(() -> CloudEvent.fromHeaders(headers::get))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("header " + header + " is missing");
    }

    @Test
    void emptyHeaderCountsAsMissing() {
        Map<String, byte[]> headers = EVENT.headers();
        headers.put(CloudEvent.HEADER_SUBJECT, new byte[0]);

        assertThatThrownBy(() -> CloudEvent.fromHeaders(headers::get))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("header ce_subject is missing");
    }

    @Test
    void idThatIsNoUuidIsAnInvalidEventNamingTheHeader() {
        Map<String, byte[]> headers = EVENT.headers();
        headers.put(CloudEvent.HEADER_ID, utf8("order-42"));

        assertThatThrownBy(() -> CloudEvent.fromHeaders(headers::get))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("ce_id is not a UUID");
    }

    @Test
    void timeThatIsNoInstantIsAnInvalidEventNamingTheHeader() {
        Map<String, byte[]> headers = EVENT.headers();
        headers.put(CloudEvent.HEADER_TIME, utf8("14/03/2025 09:26"));

        assertThatThrownBy(() -> CloudEvent.fromHeaders(headers::get))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("ce_time is not an ISO-8601 instant");
    }

    @Test
    void otherSpecVersionIsAnInvalidEventNamingTheHeader() {
        Map<String, byte[]> headers = EVENT.headers();
        headers.put(CloudEvent.HEADER_SPEC_VERSION, utf8("0.3"));

        assertThatThrownBy(() -> CloudEvent.fromHeaders(headers::get))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("ce_specversion '0.3' is not supported, expected 1.0");
    }

    private static Map<String, String> text(Map<String, byte[]> headers) {
        Map<String, String> text = new LinkedHashMap<>();
        headers.forEach((name, value) -> text.put(name, new String(value, StandardCharsets.UTF_8)));
        return text;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
