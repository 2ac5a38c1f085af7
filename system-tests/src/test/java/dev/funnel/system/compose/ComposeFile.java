package dev.funnel.system.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A docker-compose.yml as the checks need it: services with their build, ports, environment,
 * dependencies, healthcheck and command, accepting both the short and the long forms the Compose
 * specification allows. Values are the file's text, before Compose interpolates {@code ${...}}.
 */
final class ComposeFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final JsonNode root;
    private final Path directory;

    private ComposeFile(JsonNode root, Path directory) {
        this.root = root;
        this.directory = directory;
    }

    static ComposeFile read(Path file) {
        try {
            return parse(Files.readString(file), file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** @param directory the folder relative paths in the file (build contexts, bind mounts) start from */
    static ComposeFile parse(String yaml, Path directory) {
        try {
            JsonNode root = YAML.readTree(yaml);
            if (root == null || !root.path("services").isObject()) {
                throw new IllegalArgumentException("Not a Compose file: it has no 'services' mapping");
            }
            return new ComposeFile(root, directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Not valid YAML: " + e.getMessage(), e);
        }
    }

    Set<String> serviceNames() {
        Set<String> names = new LinkedHashSet<>();
        root.path("services").fieldNames().forEachRemaining(names::add);
        return names;
    }

    Optional<Service> service(String name) {
        JsonNode node = root.path("services").get(name);
        return node == null ? Optional.empty() : Optional.of(new Service(name, node, directory));
    }

    /** One entry of {@code ports}: what the host publishes (null when Compose picks) and the container port. */
    record PortMapping(String published, int target) {
    }

    /** One service of the file. */
    record Service(String name, JsonNode node, Path composeDirectory) {

        Optional<String> image() {
            return text(node.get("image"));
        }

        /** The build context as an absolute path, when the service is built. */
        Optional<Path> buildContext() {
            JsonNode build = node.get("build");
            if (build == null) {
                return Optional.empty();
            }
            String context = build.isTextual() ? build.asText() : build.path("context").asText(".");
            return Optional.of(composeDirectory.resolve(context).normalize());
        }

        /** The Dockerfile, relative to the build context as Compose reads it ({@code Dockerfile} by default). */
        Optional<String> dockerfile() {
            JsonNode build = node.get("build");
            if (build == null) {
                return Optional.empty();
            }
            return Optional.of(build.isObject() ? build.path("dockerfile").asText("Dockerfile") : "Dockerfile");
        }

        List<PortMapping> ports() {
            List<PortMapping> ports = new ArrayList<>();
            for (JsonNode port : node.path("ports")) {
                if (port.isObject()) {
                    ports.add(new PortMapping(text(port.get("published")).orElse(null), port.path("target").asInt()));
                    continue;
                }
                // HOST_IP:PUBLISHED:TARGET/PROTOCOL with every part but TARGET optional
                String spec = port.asText().split("/", 2)[0];
                String[] parts = spec.split(":");
                String target = parts[parts.length - 1];
                String published = parts.length >= 2 ? parts[parts.length - 2] : null;
                ports.add(new PortMapping(published, Integer.parseInt(target.trim())));
            }
            return ports;
        }

        /** Variable → value; a variable listed without a value maps to "". */
        Map<String, String> environment() {
            Map<String, String> env = new LinkedHashMap<>();
            JsonNode environment = node.path("environment");
            if (environment.isObject()) {
                environment.fields().forEachRemaining(e -> env.put(e.getKey(), text(e.getValue()).orElse("")));
            } else {
                for (JsonNode entry : environment) {
                    String[] pair = entry.asText().split("=", 2);
                    env.put(pair[0], pair.length == 2 ? pair[1] : "");
                }
            }
            return env;
        }

        /** Service → condition; the list form means {@code service_started}, as in Compose. */
        Map<String, String> dependsOn() {
            Map<String, String> dependencies = new LinkedHashMap<>();
            JsonNode dependsOn = node.path("depends_on");
            if (dependsOn.isObject()) {
                dependsOn.fields().forEachRemaining(e ->
                        dependencies.put(e.getKey(), e.getValue().path("condition").asText("service_started")));
            } else {
                dependsOn.forEach(name -> dependencies.put(name.asText(), "service_started"));
            }
            return dependencies;
        }

        /** The healthcheck command as one line, without its CMD / CMD-SHELL marker; empty when there is none. */
        Optional<String> healthcheck() {
            JsonNode healthcheck = node.get("healthcheck");
            if (healthcheck == null || healthcheck.path("disable").asBoolean(false)) {
                return Optional.empty();
            }
            JsonNode test = healthcheck.get("test");
            if (test == null) {
                return Optional.empty();
            }
            if (test.isTextual()) {
                return Optional.of(test.asText());
            }
            List<String> words = new ArrayList<>();
            test.forEach(word -> words.add(word.asText()));
            if (!words.isEmpty() && words.get(0).equals("NONE")) {
                return Optional.empty();
            }
            if (!words.isEmpty() && words.get(0).startsWith("CMD")) {
                words.remove(0);
            }
            return Optional.of(String.join(" ", words));
        }

        /** The command, its list form joined with spaces (a shell script in it keeps its lines). */
        String command() {
            JsonNode command = node.path("command");
            if (command.isTextual()) {
                return command.asText();
            }
            List<String> words = new ArrayList<>();
            command.forEach(word -> words.add(word.asText()));
            return String.join(" ", words);
        }

        /** Volume entries in short form, {@code SOURCE:TARGET[:MODE]}; long-form entries are rendered so too. */
        List<String> volumes() {
            List<String> volumes = new ArrayList<>();
            for (JsonNode volume : node.path("volumes")) {
                volumes.add(volume.isObject()
                        ? volume.path("source").asText() + ":" + volume.path("target").asText()
                        : volume.asText());
            }
            return volumes;
        }

        private static Optional<String> text(JsonNode value) {
            return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
        }
    }
}
