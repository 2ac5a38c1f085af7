package dev.funnel.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.funnel.contracts.lead.LeadEngaged;
import dev.funnel.contracts.lead.LeadGenerated;
import dev.funnel.contracts.lead.Utm;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Named<EventType<?>>> eventTypes() {
        return EventTypes.ALL.stream().map(type -> Named.of(type.type(), type));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void fullSampleSurvivesWriteAndRead(EventType<?> type) {
        Object sample = Samples.full(type);

        assertThat(EventCodec.read(EventCodec.write(sample), type)).isEqualTo(sample);
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void minimalSampleSurvivesWriteAndRead(EventType<?> type) {
        Object sample = Samples.minimal(type);

        assertThat(EventCodec.read(EventCodec.write(sample), type)).isEqualTo(sample);
    }

    @Test
    void absentFieldsAreLeftOutRatherThanWrittenAsNull() throws Exception {
        String json = EventCodec.write(new LeadEngaged(
                Samples.LEAD_ID, null, Channel.OTHER, new Utm("newsletter", null, null, null, null), Samples.AT));

        JsonNode tree = JSON.readTree(json);
        assertThat(fieldNames(tree)).containsExactly("leadId", "channel", "utm", "occurredAt");
        assertThat(fieldNames(tree.get("utm"))).containsExactly("source");
        assertThat(json).doesNotContain("null");
    }

    @Test
    void writesIdsAndInstantsAsTextEnumsByNameAndBudgetAsANumber() throws Exception {
        JsonNode lead = JSON.readTree(EventCodec.write(Samples.full(EventTypes.LEAD_GENERATED)));

        assertThat(lead.get("leadId").textValue()).isEqualTo("6f1c2b8e-3d4a-4c5b-9e7f-0a1b2c3d4e5f");
        assertThat(lead.get("createdAt").textValue()).isEqualTo("2025-03-14T09:26:53.589793238Z");
        assertThat(lead.get("channel").textValue()).isEqualTo("SOCIAL");
        assertThat(lead.get("timeline").textValue()).isEqualTo("QUARTER");
        // A number, not a string, and with its scale: 25000.50 stays 25000.50.
        assertThat(lead.get("budget").isNumber()).isTrue();
        assertThat(lead.get("budget").decimalValue()).isEqualByComparingTo("25000.50");
        assertThat(lead.get("companySize").intValue()).isEqualTo(250);
        assertThat(lead.get("attributes").get("form").textValue()).isEqualTo("pricing-page");
    }

    @Test
    void budgetKeepsItsScaleThroughTheCodec() {
        LeadGenerated read = EventCodec.read(
                EventCodec.write(Samples.full(EventTypes.LEAD_GENERATED)), EventTypes.LEAD_GENERATED);

        assertThat(read.budget()).isEqualTo(new BigDecimal("25000.50"));
    }

    @Test
    void fieldsAddedByANewerProducerAreIgnored() throws Exception {
        ObjectNode newer = (ObjectNode) JSON.readTree(EventCodec.write(Samples.full(EventTypes.LEAD_ENGAGED)));
        newer.put("touchWeight", 0.5);
        ((ObjectNode) newer.get("utm")).put("gclid", "abc123");

        LeadEngaged read = EventCodec.read(newer.toString(), EventTypes.LEAD_ENGAGED);

        assertThat(read).isEqualTo(Samples.full(EventTypes.LEAD_ENGAGED));
    }

    @Test
    void malformedJsonIsAnInvalidEventNamingTheType() {
        assertThatThrownBy(() -> EventCodec.read("{\"leadId\": ", EventTypes.LEAD_ERASED))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("dev.funnel.marketing.lead.erased.v1");
    }

    @Test
    void fieldOfTheWrongShapeIsAnInvalidEventNamingTheFieldButNotItsValue() {
        String json = "{\"leadId\": \"ada@example.com\", \"erasedAt\": \"2025-03-14T09:26:53Z\"}";

        assertThatThrownBy(() -> EventCodec.read(json, EventTypes.LEAD_ERASED))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("payload is not a valid dev.funnel.marketing.lead.erased.v1: field leadId is not a valid UUID")
                .hasNoCause();
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        String json = "{\"leadId\": \"%s\", \"erasedAt\": null}".formatted(java.util.UUID.randomUUID());

        assertThatThrownBy(() -> EventCodec.read(json, EventTypes.LEAD_ERASED))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("erasedAt");
    }

    @Test
    void malformedJsonIsDescribedByWhereItBreaksNotByItsText() {
        assertThatThrownBy(() -> EventCodec.read("{\"leadId\": ada@example.com}", EventTypes.LEAD_ERASED))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("payload is not a valid dev.funnel.marketing.lead.erased.v1: malformed JSON at line 1")
                .hasMessageNotContaining("ada")
                .hasNoCause();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
