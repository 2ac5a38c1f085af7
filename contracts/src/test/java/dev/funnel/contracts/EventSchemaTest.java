package dev.funnel.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every event type's JSON Schema accepts what {@link EventCodec} writes, rejects what it must, and matches its record. */
class EventSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA_HOST = "https://funnel.dev/";

    // Schemas are loaded by their $id, mapped to the classpath, so a wrong $id fails here and not in production.
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(SCHEMA_HOST + "schemas/", "classpath:schemas/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    /** What a payload component of each Java type looks like in JSON: type and, where it matters, format. */
    private static final Map<Class<?>, List<String>> JSON_TYPES = Map.of(
            String.class, List.of("string"),
            UUID.class, List.of("string", "uuid"),
            Instant.class, List.of("string", "date-time"),
            LocalDate.class, List.of("string", "date"),
            Integer.class, List.of("integer"),
            Long.class, List.of("integer"),
            BigDecimal.class, List.of("number"),
            Boolean.class, List.of("boolean"),
            Map.class, List.of("object"));

    static Stream<Named<EventType<?>>> eventTypes() {
        return EventTypes.ALL.stream().map(type -> Named.of(type.type(), type));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void fullSampleValidates(EventType<?> type) {
        assertThat(validate(type, json(Samples.full(type)))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void minimalSampleValidates(EventType<?> type) {
        assertThat(validate(type, json(Samples.minimal(type)))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void fullSampleLeavesNoFieldEmpty(EventType<?> type) {
        assertNoNullComponents(Samples.full(type), type.payload().getSimpleName());
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void minimalSampleCarriesExactlyTheRequiredFields(EventType<?> type) {
        assertThat(fieldNames(json(Samples.minimal(type))))
                .containsExactlyInAnyOrderElementsOf(texts(schemaNode(type).path("required")));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void schemaDescribesExactlyThePayloadRecord(EventType<?> type) {
        JsonNode root = schemaNode(type);
        assertThat(root.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(root.path("title").asText()).isNotBlank();
        assertThat(root.path("description").asText()).isNotBlank();
        assertDescribes(root, type.payload(), root, type.payload().getSimpleName());
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void schemaIsOnTheClasspathUnderItsId(EventType<?> type) {
        assertThat(EventSchemaTest.class.getClassLoader().getResource(type.schema()))
                .as("schema %s of %s on the classpath", type.schema(), type.type())
                .isNotNull();
        assertThat(schemaNode(type).path("$id").asText()).isEqualTo(SCHEMA_HOST + type.schema());
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void schemaAcceptsFieldsAddedLaterWithinTheVersion(EventType<?> type) {
        ObjectNode payload = json(Samples.full(type));
        payload.put("addedInALaterRelease", "x");
        payload.fields().forEachRemaining(field -> {
            if (field.getValue() instanceof ObjectNode nested) {
                nested.put("addedInALaterRelease", "x");
            }
        });

        assertThat(validate(type, payload)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void typeTravelsOnAKnownTopicFromAKnownSource(EventType<?> type) {
        assertThat(type.type()).matches("^dev\\.funnel\\.[a-z]+\\.[a-z.]+\\.v[0-9]+$");
        assertThat(Topics.ALL).contains(type.topic());
        assertThat(type.source()).isIn(EventSource.MARKETING, EventSource.SALES);
    }

    @Test
    void typeStringsAndPayloadsAreUnique() {
        List<String> types = EventTypes.ALL.stream().map(EventType::type).toList();
        List<Class<?>> payloads = EventTypes.ALL.stream().<Class<?>>map(EventType::payload).toList();

        assertThat(types).doesNotHaveDuplicates();
        // consumers tell events apart by their record (a switch over the sealed interface), so a record serves one type only.
        assertThat(payloads).doesNotHaveDuplicates();
    }

    static Stream<Arguments> brokenLeads() {
        return Stream.of(
                broken("email", "email is no address", lead -> lead.put("email", "ada.example.com")),
                broken("channel", "channel is unknown", lead -> lead.put("channel", "TIKTOK")),
                broken("budget", "budget is negative", lead -> lead.set("budget", IntNode.valueOf(-1))),
                broken("leadId", "leadId is missing", lead -> lead.remove("leadId")),
                broken("currency", "budget comes without currency", lead -> lead.remove("currency")),
                broken("country", "country is not ISO alpha-2", lead -> lead.set("country", TextNode.valueOf("gb"))));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("brokenLeads")
    void brokenLeadIsRejectedNamingTheField(String field, String why, Consumer<ObjectNode> breakIt) {
        ObjectNode lead = json(Samples.full(EventTypes.LEAD_GENERATED));
        breakIt.accept(lead);

        Set<ValidationMessage> errors = validate(EventTypes.LEAD_GENERATED, lead);

        assertThat(errors).singleElement()
                .extracting(ValidationMessage::getMessage)
                .asString()
                .contains(field);
    }

    static Stream<Arguments> brokenCampaignEvents() {
        return Stream.of(
                Arguments.of(EventTypes.CAMPAIGN_LAUNCHED, "startsOn", "startsOn is no date",
                        (Consumer<ObjectNode>) e -> e.put("startsOn", "first of March")),
                Arguments.of(EventTypes.CAMPAIGN_LAUNCHED, "budget", "budget is negative",
                        (Consumer<ObjectNode>) e -> e.set("budget", IntNode.valueOf(-5))),
                Arguments.of(EventTypes.CAMPAIGN_CHANGED, "status", "status is unknown",
                        (Consumer<ObjectNode>) e -> e.put("status", "SLEEPING")),
                Arguments.of(EventTypes.SPEND_RECORDED, "currency", "currency is not ISO-4217",
                        (Consumer<ObjectNode>) e -> e.put("currency", "dollars")),
                Arguments.of(EventTypes.SPEND_RECORDED, "spendId", "spendId is missing",
                        (Consumer<ObjectNode>) e -> e.remove("spendId")),
                Arguments.of(EventTypes.AWARENESS_RECORDED, "clicks", "clicks are negative",
                        (Consumer<ObjectNode>) e -> e.set("clicks", IntNode.valueOf(-1))),
                Arguments.of(EventTypes.AWARENESS_RECORDED, "hour", "hour is no time",
                        (Consumer<ObjectNode>) e -> e.put("hour", "nine o'clock")));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("brokenCampaignEvents")
    void brokenCampaignEventIsRejectedNamingTheField(EventType<?> type, String field, String why,
                                                      Consumer<ObjectNode> breakIt) {
        ObjectNode event = json(Samples.full(type));
        breakIt.accept(event);

        assertThat(validate(type, event)).singleElement()
                .extracting(ValidationMessage::getMessage)
                .asString()
                .contains(field);
    }

    static Stream<Arguments> brokenPipelineEvents() {
        return Stream.of(
                Arguments.of(EventTypes.DEAL_WON, "amount", "a won deal is worth nothing",
                        (Consumer<ObjectNode>) e -> e.set("amount", IntNode.valueOf(0))),
                Arguments.of(EventTypes.DEAL_LOST, "reason", "the loss reason is unknown",
                        (Consumer<ObjectNode>) e -> e.put("reason", "BAD_LUCK")),
                Arguments.of(EventTypes.STAGE_CHANGED, "toStage", "the stage is unknown",
                        (Consumer<ObjectNode>) e -> e.put("toStage", "PITCHED")),
                Arguments.of(EventTypes.LEAD_QUALIFIED, "by", "nobody decided",
                        (Consumer<ObjectNode>) e -> e.put("by", "")),
                Arguments.of(EventTypes.FOLLOW_UP_COMPLETED, "kind", "the follow-up kind is unknown",
                        (Consumer<ObjectNode>) e -> e.put("kind", "CARRIER_PIGEON")));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("brokenPipelineEvents")
    void brokenPipelineEventIsRejectedNamingTheField(EventType<?> type, String field, String why,
                                                      Consumer<ObjectNode> breakIt) {
        brokenCampaignEventIsRejectedNamingTheField(type, field, why, breakIt);
    }

    private static Arguments broken(String field, String why, Consumer<ObjectNode> breakIt) {
        return Arguments.of(field, why, breakIt);
    }

    /** Property names, JSON types, formats and enum values of a schema against a record, nested records included. */
    private static void assertDescribes(JsonNode schema, Class<?> record, JsonNode root, String path) {
        assertThat(schema.path("type").asText()).as("%s type", path).isEqualTo("object");
        JsonNode properties = schema.path("properties");
        RecordComponent[] components = record.getRecordComponents();
        assertThat(fieldNames(properties)).as("%s properties", path)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(components).map(RecordComponent::getName).toList());

        for (RecordComponent component : components) {
            String at = path + "." + component.getName();
            JsonNode declared = properties.path(component.getName());
            assertThat(declared.path("description").asText()).as("%s description", at).isNotBlank();
            JsonNode property = resolve(declared, root);
            Class<?> javaType = component.getType();
            if (javaType.isEnum()) {
                List<String> constants = Arrays.stream(javaType.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
                assertThat(property.path("type").asText()).as("%s type", at).isEqualTo("string");
                assertThat(texts(property.path("enum"))).as("%s enum", at).containsExactlyElementsOf(constants);
            } else if (javaType.isRecord()) {
                assertDescribes(property, javaType, root, at);
            } else {
                List<String> expected = JSON_TYPES.get(javaType);
                if (expected == null) {
                    fail("%s is a %s: say in JSON_TYPES how it looks in JSON", at, javaType.getSimpleName());
                }
                assertThat(property.path("type").asText()).as("%s type", at).isEqualTo(expected.get(0));
                if (expected.size() > 1) {
                    assertThat(property.path("format").asText()).as("%s format", at).isEqualTo(expected.get(1));
                }
            }
        }
    }

    private static JsonNode resolve(JsonNode node, JsonNode root) {
        String ref = node.path("$ref").asText();
        return ref.startsWith("#") ? root.at(ref.substring(1)) : node;
    }

    private static void assertNoNullComponents(Object record, String path) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            String at = path + "." + component.getName();
            assertThat(value).as("%s in the full sample", at).isNotNull();
            if (value.getClass().isRecord()) {
                assertNoNullComponents(value, at);
            }
        }
    }

    private static Set<ValidationMessage> validate(EventType<?> type, JsonNode payload) {
        JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(SCHEMA_HOST + type.schema()), CONFIG);
        return schema.validate(payload);
    }

    private static JsonNode schemaNode(EventType<?> type) {
        try (InputStream in = EventSchemaTest.class.getClassLoader().getResourceAsStream(type.schema())) {
            assertThat(in).as("schema %s on the classpath", type.schema()).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode json(Object payload) {
        try {
            return (ObjectNode) JSON.readTree(EventCodec.write(payload));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
