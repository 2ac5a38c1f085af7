package dev.funnel.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The AsyncAPI document lists every event type on its topic, with its own schema as the payload. */
class AsyncApiDocumentTest {

    private static final JsonNode DOC = load("asyncapi.yaml");

    static Stream<Named<EventType<?>>> eventTypes() {
        return EventTypes.ALL.stream().map(type -> Named.of(type.type(), type));
    }

    @Test
    void isAnAsyncApi3Document() {
        assertThat(DOC.path("asyncapi").asText()).startsWith("3.");
        assertThat(DOC.path("info").path("title").asText()).isEqualTo("Funnel events");
        assertThat(DOC.path("info").path("version").asText()).isEqualTo("1.0.0");
        assertThat(DOC.path("servers").path("local").path("host").asText()).isEqualTo("127.0.0.1:19092");
        assertThat(DOC.path("servers").path("local").path("protocol").asText()).isEqualTo("kafka");
    }

    @Test
    void everyTopicHasExactlyOneChannel() {
        List<String> addresses = new ArrayList<>();
        DOC.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));

        assertThat(addresses).containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    @Test
    void messagesAreExactlyTheKnownEventTypes() {
        List<String> names = new ArrayList<>();
        DOC.path("components").path("messages").forEach(message -> names.add(message.path("name").asText()));

        assertThat(names).containsExactlyInAnyOrderElementsOf(EventTypes.ALL.stream().map(EventType::type).toList());
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void messagePayloadIsTheEventTypesSchema(EventType<?> type) {
        JsonNode payload = message(type).getValue().path("payload");

        assertThat(payload.path("schemaFormat").asText()).startsWith("application/schema+json;version=2020-12");
        String ref = payload.path("schema").path("$ref").asText();
        assertThat(ref).isEqualTo("./" + type.schema());
        assertThat(resourceExists(ref.substring(2))).as("%s on the classpath", ref).isTrue();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void messageHeadersPinTheCloudEventsTypeAndSource(EventType<?> type) {
        JsonNode headers = message(type).getValue().path("headers");

        assertThat(texts(headers.path("allOf"), "$ref")).contains("#/components/schemas/cloudEventHeaders");
        JsonNode pinned = headers.path("allOf").get(1).path("properties");
        assertThat(pinned.path("ce_type").path("const").asText()).isEqualTo(type.type());
        assertThat(pinned.path("ce_source").path("const").asText()).isEqualTo(type.source());
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void messageIsKeyedByAUuid(EventType<?> type) {
        JsonNode key = message(type).getValue().path("bindings").path("kafka").path("key");

        assertThat(key.path("type").asText()).isEqualTo("string");
        assertThat(key.path("format").asText()).isEqualTo("uuid");
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void messageIsOnTheChannelOfItsTopicAndSentByAnOperation(EventType<?> type) {
        String messageRef = "#/components/messages/" + message(type).getKey();
        List<String> channels = new ArrayList<>();
        DOC.path("channels").properties().forEach(channel -> channel.getValue().path("messages").properties()
                .forEach(m -> {
                    if (m.getValue().path("$ref").asText().equals(messageRef)) {
                        channels.add(channel.getKey());
                        assertThat(channel.getValue().path("address").asText()).isEqualTo(type.topic());
                        assertThat(sentBy("#/channels/" + channel.getKey(),
                                "#/channels/" + channel.getKey() + "/messages/" + m.getKey()))
                                .as("a send operation for %s", type.type())
                                .isTrue();
                    }
                }));

        assertThat(channels).as("channels carrying %s", type.type()).hasSize(1);
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(DOC, refs);

        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            if (ref.startsWith("#")) {
                assertThat(DOC.at(ref.substring(1)).isMissingNode()).as("%s resolves", ref).isFalse();
            } else {
                assertThat(ref).startsWith("./");
                assertThat(resourceExists(ref.substring(2))).as("%s on the classpath", ref).isTrue();
            }
        });
    }

    private static Map.Entry<String, JsonNode> message(EventType<?> type) {
        return DOC.path("components").path("messages").properties().stream()
                .filter(m -> m.getValue().path("name").asText().equals(type.type()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("asyncapi.yaml has no message named " + type.type()));
    }

    private static boolean sentBy(String channelRef, String messageRef) {
        return DOC.path("operations").valueStream().anyMatch(op -> op.path("action").asText().equals("send")
                && op.path("channel").path("$ref").asText().equals(channelRef)
                && texts(op.path("messages"), "$ref").contains(messageRef));
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, refs));
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.path(field).asText()));
        return texts;
    }

    private static boolean resourceExists(String path) {
        return AsyncApiDocumentTest.class.getClassLoader().getResource(path) != null;
    }

    private static JsonNode load(String resource) {
        try (InputStream in = AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("%s on the classpath", resource).isNotNull();
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
