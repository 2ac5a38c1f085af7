package dev.funnel.marketing.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
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
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "marketing"))
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
        document().assertEveryResourceMethodIsAnOperationAndNothingElseIs(10);
    }

    @Test
    void everyOperationHasASummaryATagASuccessAndItsProblemAnswers() {
        document().assertEveryOperationHasASummaryATagASuccessAndItsProblemAnswers();
    }

    @Test
    void everyRequestBodyHasAnExample() {
        document().assertEveryRequestBodyHasAnExample("post", "patch");
    }

    @Test
    void theProblemSchemaNamesTheOffendingFields() {
        document().assertTheProblemSchemaNamesTheOffendingFields();
    }

    @Test
    void theHeadNamesTheServiceItsContactAndWhereItRuns() {
        document().assertTheHead("marketing-service", 8081, "Campaigns", "Awareness", "Leads");
    }

    @Test
    void swaggerUiIsServedAndShowsThisDocument() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("/q/openapi"));
    }
}
