package dev.funnel.system.compose;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration keys one service declares, read from its sources without starting it: every key of
 * {@code src/main/resources/application.properties} (profile prefixes such as {@code %test.} removed),
 * and every property of its {@code @ConfigMapping} interfaces, which have defaults and so need no line
 * in application.properties (marketing's {@code funnel.currency}).
 */
final class ServiceConfig {

    private static final Pattern PROFILE = Pattern.compile("^%[^.]+\\.");
    private static final Pattern CONFIG_MAPPING = Pattern.compile("@ConfigMapping\\s*\\(([^)]*)\\)");
    private static final Pattern PREFIX = Pattern.compile("\\bprefix\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)[^{;]*\\{");
    // An abstract accessor: annotations, a return type (generics allowed), a name, "()" and ";".
    private static final Pattern ACCESSOR = Pattern.compile(
            "((?:@[\\w.]+(?:\\s*\\([^)]*\\))?\\s*)*)([\\w.]+(?:\\s*<[^;{}()]*>)?(?:\\[])?)\\s+(\\w+)\\s*\\(\\s*\\)\\s*;");
    private static final Pattern WITH_NAME = Pattern.compile("@(?:[\\w.]+\\.)?WithName\\s*\\(\\s*\"([^\"]*)\"\\s*\\)");

    private final Map<String, String> properties;
    private final Set<String> mappedKeys;

    ServiceConfig(Map<String, String> properties, Set<String> mappedKeys) {
        this.properties = Map.copyOf(properties);
        this.mappedKeys = Set.copyOf(mappedKeys);
    }

    /** Reads {@code module}'s application.properties (it must exist) and scans its main Java sources. */
    static ServiceConfig of(Path module) {
        Path file = module.resolve("src/main/resources/application.properties");
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(file + " does not exist: the service has no configuration to check against");
        }
        Set<String> mapped = new LinkedHashSet<>();
        Path sources = module.resolve("src/main/java");
        if (Files.isDirectory(sources)) {
            List<String> texts = new ArrayList<>();
            try (Stream<Path> paths = Files.walk(sources)) {
                for (Path path : paths.filter(p -> p.toString().endsWith(".java")).toList()) {
                    texts.add(Files.readString(path));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            mapped.addAll(configMappingKeys(texts));
        }
        try {
            return new ServiceConfig(properties(Files.readString(file)), mapped);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The keys and values of a properties text, with profile prefixes removed (the first value wins). */
    static Map<String, String> properties(String text) {
        Properties raw = new Properties();
        try {
            raw.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> unprofiled = new LinkedHashMap<>();
        // unprofiled values first, so "quarkus.http.port" reads the production value, not "%test."'s
        raw.stringPropertyNames().stream().filter(k -> !k.startsWith("%")).forEach(k -> unprofiled.put(k, raw.getProperty(k)));
        raw.stringPropertyNames().stream().filter(k -> k.startsWith("%"))
                .forEach(k -> unprofiled.putIfAbsent(PROFILE.matcher(k).replaceFirst(""), raw.getProperty(k)));
        return unprofiled;
    }

    /** The production value of {@code key} in application.properties. */
    Optional<String> value(String key) {
        return Optional.ofNullable(properties.get(key));
    }

    /**
     * The key an environment variable sets, when this service declares one; empty means the variable
     * does nothing (a typo, or a setting the service lacks).
     */
    Optional<String> keyFor(String environmentVariable) {
        String wanted = environmentName(environmentVariable);
        Optional<String> declared = Stream.concat(properties.keySet().stream(), mappedKeys.stream())
                .filter(key -> !key.endsWith(".*") && environmentName(key).equals(wanted))
                .findFirst();
        if (declared.isPresent()) {
            return declared;
        }
        // a Map-typed mapping property accepts any sub-key
        return mappedKeys.stream()
                .filter(key -> key.endsWith(".*"))
                .filter(key -> wanted.startsWith(environmentName(key.substring(0, key.length() - 2)) + "_"))
                .findFirst();
    }

    /**
     * The environment variable that sets {@code key}: the MicroProfile Config rule Quarkus applies, every
     * character other than a letter or digit becomes {@code _}, then upper case
     * ({@code quarkus.datasource.jdbc.url} → {@code QUARKUS_DATASOURCE_JDBC_URL}). Applied to a variable
     * name it only upper-cases it, so comparing two results compares case-insensitively.
     */
    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /**
     * Every property of the {@code @ConfigMapping} interfaces in {@code sources} (Java source texts), with
     * SmallRye's kebab-case names: nested groups add their own segment, {@code @WithName} renames,
     * {@code @WithParentName} adds none, a {@code Map} property ends in {@code .*}.
     */
    static Set<String> configMappingKeys(Iterable<String> sources) {
        List<String> texts = new ArrayList<>();
        sources.forEach(source -> texts.add(withoutComments(source)));
        Map<String, List<Accessor>> interfaces = new HashMap<>();
        texts.forEach(text -> interfaces.putAll(interfaces(text)));

        Set<String> keys = new LinkedHashSet<>();
        for (String text : texts) {
            Matcher mapping = CONFIG_MAPPING.matcher(text);
            while (mapping.find()) {
                Matcher prefix = PREFIX.matcher(mapping.group(1));
                Matcher root = INTERFACE.matcher(text);
                if (root.find(mapping.end())) {
                    expand(root.group(1), prefix.find() ? prefix.group(1) : "", interfaces(text), interfaces, keys, 0);
                }
            }
        }
        return keys;
    }

    private record Accessor(String annotations, String type, String name) {
    }

    private static void expand(String type, String prefix, Map<String, List<Accessor>> local,
                               Map<String, List<Accessor>> all, Set<String> keys, int depth) {
        List<Accessor> accessors = local.getOrDefault(type, all.get(type));
        if (accessors == null || depth > 10) {
            return;
        }
        for (Accessor accessor : accessors) {
            Matcher renamed = WITH_NAME.matcher(accessor.annotations());
            String segment = accessor.annotations().contains("WithParentName") ? ""
                    : renamed.find() ? renamed.group(1) : kebab(accessor.name());
            String key = prefix.isEmpty() ? segment : segment.isEmpty() ? prefix : prefix + "." + segment;
            String raw = accessor.type().replaceAll("\\s", "");
            String outer = simpleName(raw.contains("<") ? raw.substring(0, raw.indexOf('<')) : raw);
            String inner = raw.contains("<") ? simpleName(raw.substring(raw.indexOf('<') + 1, raw.lastIndexOf('>'))) : outer;
            if (outer.equals("Map") || outer.equals("List") || outer.equals("Set")) {
                keys.add(key + ".*");
            } else if (local.containsKey(outer) || all.containsKey(outer)) {
                expand(outer, key, local, all, keys, depth + 1);
            } else if (outer.equals("Optional") && (local.containsKey(inner) || all.containsKey(inner))) {
                expand(inner, key, local, all, keys, depth + 1);
            } else {
                keys.add(key);
            }
        }
    }

    /** Interface name → its own abstract accessors (not those of interfaces nested in it). */
    private static Map<String, List<Accessor>> interfaces(String text) {
        Map<String, List<Accessor>> interfaces = new HashMap<>();
        Matcher declaration = INTERFACE.matcher(text);
        while (declaration.find()) {
            int open = declaration.end() - 1;
            String body = text.substring(open + 1, closingBrace(text, open));
            List<Accessor> accessors = new ArrayList<>();
            Matcher accessor = ACCESSOR.matcher(blankNestedBlocks(body));
            while (accessor.find()) {
                accessors.add(new Accessor(accessor.group(1), accessor.group(2), accessor.group(3)));
            }
            interfaces.put(declaration.group(1), accessors);
        }
        return interfaces;
    }

    private static int closingBrace(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                i = endOfString(text, i);
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return text.length();
    }

    /** Replaces every {@code {...}} block with spaces, so default method bodies and nested types vanish. */
    private static String blankNestedBlocks(String body) {
        StringBuilder out = new StringBuilder(body);
        for (int i = 0; i < out.length(); i++) {
            if (out.charAt(i) == '"') {
                i = endOfString(body, i);
            } else if (out.charAt(i) == '{') {
                int close = Math.min(closingBrace(body, i), out.length() - 1);
                for (int j = i; j <= close; j++) {
                    out.setCharAt(j, ' ');
                }
                i = close;
            }
        }
        return out.toString();
    }

    private static int endOfString(String text, int quote) {
        for (int i = quote + 1; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.charAt(i) == '"') {
                return i;
            }
        }
        return text.length() - 1;
    }

    /** The source without comments (a {@code //} inside a string literal, as in a URL default, stays). */
    private static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"') {
                int end = endOfString(source, i);
                out.append(source, i, end + 1);
                i = end;
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end - 1;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 1;
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** SmallRye's default naming: {@code pollInterval} → {@code poll-interval}, {@code maxHTTPSize} → {@code max-http-size}. */
    static String kebab(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean boundary = Character.isUpperCase(c) && i > 0
                    && (!Character.isUpperCase(name.charAt(i - 1))
                    || (i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1))));
            if (boundary) {
                out.append('-');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }
}
