package dev.funnel.analytics.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.analytics.AttributionModel;
import dev.funnel.analytics.FunnelMetric;
import dev.funnel.contracts.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import dev.funnel.testing.ApiDocument;
import dev.funnel.testing.FunnelInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document at /q/openapi describes every endpoint the code has, as it really answers. The endpoints
 * are found by reflection over the compiled resource classes, so a new one cannot be left out of the document.
 */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class ApiDocumentTest {

    private static ApiDocument fetched;

    /** Fetched once, by the first test (RestAssured knows the test port only once Quarkus runs). */
    private static ApiDocument document() {
        if (fetched == null) {
            fetched = ApiDocument.of(given().queryParam("format", "json").get("/q/openapi")
                    .then().statusCode(200).extract().asString(), ApiDocumentTest.class.getClassLoader());
        }
        return fetched;
    }

    @Test
    void everyResourceMethodIsAnOperationAndNothingElseIs() {
        document().assertEveryResourceMethodIsAnOperationAndNothingElseIs(9);
    }

    @Test
    void everyOperationHasASummaryATagASuccessAndItsProblemAnswers() {
        document().assertEveryOperationHasASummaryATagASuccessAndItsProblemAnswers();
    }

    @Test
    void theProblemSchemaNamesTheOffendingFields() {
        document().assertTheProblemSchemaNamesTheOffendingFields();
    }

    @Test
    void theHeadNamesTheServiceItsContactAndWhereItRuns() {
        document().assertTheHead("analytics-service", 8083, "Funnel", "Attribution", "Rebuild",
                "Dashboard session");
    }

    @Test
    void swaggerUiIsServedAndShowsThisDocument() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("/q/openapi"));
    }

    @Test
    void queryParametersListTheValuesTheCodeAccepts() {
        JsonNode doc = document().json();
        JsonNode metric = parameter(doc, "/api/analytics/timeseries", "metric");
        assertThat(metric.path("required").asBoolean()).isTrue();
        List<String> metrics = new ArrayList<>();
        metric.at("/schema/enum").forEach(value -> metrics.add(value.asText()));
        assertThat(metrics).isEqualTo(FunnelMetric.names());

        List<String> channels = new ArrayList<>();
        document().resolve(doc.at("/components/parameters/channel/schema")).path("enum")
                .forEach(value -> channels.add(value.asText()));
        assertThat(channels).isEqualTo(Stream.of(Channel.values()).map(Channel::name).toList());

        List<String> models = new ArrayList<>();
        parameter(doc, "/api/analytics/attribution", "model").at("/schema/enum")
                .forEach(value -> models.add(value.asText()));
        assertThat(models).isEqualTo(Stream.of(AttributionModel.values()).map(AttributionModel::label).toList());
    }

    private static JsonNode parameter(JsonNode doc, String path, String name) {
        for (JsonNode parameter : doc.path("paths").path(path).path("get").path("parameters")) {
            if (document().resolve(parameter).path("name").asText().equals(name)) {
                return document().resolve(parameter);
            }
        }
        throw new AssertionError("no parameter " + name + " on " + path);
    }
}
