package dev.funnel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A service's OpenAPI document held against its code: the JAX-RS resource methods are found by
 * reflection over the compiled classes, so a new endpoint cannot be left out of the document. Each
 * service's ApiDocumentTest fetches its document and runs these checks, plus its own.
 */
public final class ApiDocument {

    private static final String PROBLEM_JSON = "application/problem+json";

    private final JsonNode doc;
    private final List<Endpoint> endpoints;

    private ApiDocument(JsonNode doc, List<Endpoint> endpoints) {
        this.doc = doc;
        this.endpoints = endpoints;
    }

    /**
     * The document (JSON text of {@code /q/openapi?format=json}) and the resource methods compiled into
     * {@code target/classes}, loaded with {@code loader}.
     */
    public static ApiDocument of(String json, ClassLoader loader) {
        try {
            return new ApiDocument(new ObjectMapper().readTree(json), endpoints(loader));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode json() {
        return doc;
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }

    /** A JAX-RS resource method: its HTTP method, its full path, and the parameters that decide its 4xx answers. */
    public record Endpoint(String verb, String path, Method method, boolean pathParameter, boolean queryParameter,
                           boolean constrainedQueryParameter, boolean body) {

        public String name() {
            return verb.toUpperCase() + " " + path + " (" + method.getDeclaringClass().getSimpleName() + "."
                    + method.getName() + ")";
        }

        /** The client errors the service gives for this kind of endpoint, whatever else it gives. */
        Set<String> expectedClientErrors() {
            Set<String> codes = new TreeSet<>();
            if (pathParameter) {
                codes.add("404"); // unknown id, or not a UUID
            }
            if (queryParameter) {
                codes.add("400"); // a value that is not of its type
            }
            if (constrainedQueryParameter || body) {
                codes.add("422"); // a value or field that breaks a rule, named
            }
            if (body) {
                codes.add("400"); // a body that is not JSON
            }
            return codes;
        }
    }

    /** Every resource method is an operation of the document, and the document has no other. */
    public void assertEveryResourceMethodIsAnOperationAndNothingElseIs(int atLeast) {
        assertThat(endpoints).hasSizeGreaterThanOrEqualTo(atLeast);
        Set<String> documented = new TreeSet<>();
        doc.path("paths").fields().forEachRemaining(path -> names(path.getValue())
                .forEach(verb -> documented.add(verb.toUpperCase() + " " + path.getKey())));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(
                endpoints.stream().map(e -> e.verb().toUpperCase() + " " + e.path()).toList());
    }

    /** Each operation has a summary, a tag, a 2xx answer and the client errors its parameters call for, as problems. */
    public void assertEveryOperationHasASummaryATagASuccessAndItsProblemAnswers() {
        for (Endpoint endpoint : endpoints) {
            JsonNode operation = operation(endpoint);
            assertThat(operation.path("summary").asText()).as("summary of %s", endpoint.name()).isNotBlank();
            assertThat(operation.path("tags").size()).as("tags of %s", endpoint.name()).isPositive();
            Set<String> codes = new TreeSet<>(names(operation.path("responses")));
            assertThat(codes).as("answers of %s", endpoint.name())
                    .anyMatch(code -> code.startsWith("2"))
                    .containsAll(endpoint.expectedClientErrors());
            for (String code : codes) {
                if (code.startsWith("4") || code.startsWith("5")) {
                    JsonNode response = resolve(operation.path("responses").path(code));
                    JsonNode schema = resolve(response.path("content").path(PROBLEM_JSON).path("schema"));
                    assertThat(names(schema.path("properties")))
                            .as("%s answer of %s is a problem", code, endpoint.name())
                            .contains("type", "title", "status", "detail");
                }
            }
        }
    }

    /** Each request body has at least one example, an object or array; and bodies come with these verbs. */
    public void assertEveryRequestBodyHasAnExample(String... verbsWithBodies) {
        List<Endpoint> withBody = endpoints.stream().filter(Endpoint::body).toList();
        assertThat(withBody).extracting(Endpoint::verb).contains(verbsWithBodies);
        for (Endpoint endpoint : withBody) {
            JsonNode json = operation(endpoint).path("requestBody").path("content").path("application/json");
            assertThat(json.path("examples").size()).as("examples of %s", endpoint.name()).isPositive();
            json.path("examples").forEach(example ->
                    assertThat(example.path("value").isContainerNode()).as("example of %s", endpoint.name()).isTrue());
        }
    }

    /** The problem answer is RFC 9457 with the offending fields named. */
    public void assertTheProblemSchemaNamesTheOffendingFields() {
        JsonNode schemas = doc.path("components").path("schemas");
        JsonNode problem = schemas.path("Problem");
        assertThat(names(problem.path("properties"))).containsExactly("type", "title", "status", "detail", "errors");
        assertThat(problem.path("required").toString()).isEqualTo("[\"type\",\"title\",\"status\"]");
        assertThat(problem.at("/properties/status/type").asText()).isEqualTo("integer");
        assertThat(problem.at("/properties/errors/items/$ref").asText()).isEqualTo("#/components/schemas/FieldError");
        assertThat(names(schemas.path("FieldError").path("properties"))).containsExactly("field", "message");
    }

    /** The head names the service, its version, its contact, where it runs and its tags. */
    public void assertTheHead(String service, int port, String... tags) {
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        assertThat(doc.at("/info/title").asText()).isEqualTo("Funnel " + service);
        assertThat(doc.at("/info/version").asText()).isEqualTo("1.0.0");
        assertThat(doc.at("/info/description").asText()).contains("problem+json");
        assertThat(doc.at("/info/contact/name").asText()).isNotBlank();
        assertThat(doc.path("servers").findValuesAsText("url")).containsExactly("/", "http://localhost:" + port);
        assertThat(doc.path("tags").findValuesAsText("name")).containsExactlyInAnyOrder(tags);
    }

    /** The node itself, or what its {@code $ref} (local to the document) points at. */
    public JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText();
        return ref.startsWith("#/") ? doc.at(ref.substring(1)) : node;
    }

    public static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private JsonNode operation(Endpoint endpoint) {
        JsonNode operation = doc.path("paths").path(endpoint.path()).path(endpoint.verb());
        assertThat(operation.isObject()).as("%s in the document", endpoint.name()).isTrue();
        return operation;
    }

    /** Every resource method of the compiled service, by its @Path and HTTP method annotations. */
    private static List<Endpoint> endpoints(ClassLoader loader) {
        java.nio.file.Path classes = java.nio.file.Path.of("target", "classes");
        List<Endpoint> endpoints = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(File.separatorChar, '.')
                        .replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, loader);
                Path root = type.getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : type.getMethods()) {
                    String verb = verbOf(method);
                    if (verb != null) {
                        Path sub = method.getAnnotation(Path.class);
                        endpoints.add(endpoint(verb, join(root.value(), sub == null ? "" : sub.value()), method));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return endpoints;
    }

    private static Endpoint endpoint(String verb, String path, Method method) {
        boolean pathParameter = false;
        boolean queryParameter = false;
        boolean constrained = false;
        boolean body = false;
        for (Parameter parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(PathParam.class)) {
                pathParameter = true;
            } else if (parameter.isAnnotationPresent(QueryParam.class)) {
                queryParameter = true;
                constrained |= parameter.isAnnotationPresent(Min.class) || parameter.isAnnotationPresent(Max.class);
            } else if (Stream.of(HeaderParam.class, Context.class, BeanParam.class, FormParam.class, CookieParam.class,
                    MatrixParam.class).noneMatch(parameter::isAnnotationPresent)) {
                body = true;
            }
        }
        return new Endpoint(verb, path, method, pathParameter, queryParameter, constrained, body);
    }

    private static String verbOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value().toLowerCase();
            }
        }
        return null;
    }

    /** "/api/leads" + "/{id}" → "/api/leads/{id}"; a template's regular expression is left out, as OpenAPI does. */
    private static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
