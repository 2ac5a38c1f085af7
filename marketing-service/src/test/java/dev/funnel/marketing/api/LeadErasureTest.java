package dev.funnel.marketing.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.Topics;
import dev.funnel.testing.ContractSchemas;
import dev.funnel.testing.FunnelInfrastructure;
import dev.funnel.testing.TopicRecords;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "marketing"))
class LeadErasureTest {

    @Test
    void erasureRemovesThePersonKeepsTheFactsAndTellsTheOtherServicesOnce() {
        String email = "erase+" + UUID.randomUUID() + "@example.com";
        String body = """
                {"email": "%s", "firstName": "Ada", "lastName": "Lovelace", "phone": "+44 20 7946 0000",
                 "company": "Engines", "jobTitle": "CTO", "country": "GB", "companySize": 40,
                 "attributes": {"note": "call after 5"}, "utm": {"campaign": "spring"}}""".formatted(email);
        UUID id = UUID.fromString(given().contentType(ContentType.JSON).body(body).post("/api/leads")
                .then().statusCode(201).extract().path("id"));

        given().delete("/api/leads/{id}", id).then().statusCode(204);
        given().delete("/api/leads/{id}", id).then().statusCode(204); // idempotent, no second event

        given().get("/api/leads/{id}", id).then()
                .statusCode(200)
                .body("email", nullValue())
                .body("firstName", nullValue())
                .body("lastName", nullValue())
                .body("phone", nullValue())
                .body("company", nullValue())
                .body("jobTitle", nullValue())
                .body("attributes", nullValue())
                .body("erasedAt", notNullValue())
                .body("country", equalTo("GB"))
                .body("companySize", equalTo(40))
                .body("utm.campaign", equalTo("spring"))
                .body("createdAt", notNullValue());

        var erased = TopicRecords.await(FunnelInfrastructure.bootstrapServers(), Topics.MARKETING_LEADS,
                r -> TopicRecords.keyed(id).test(r)
                        && EventTypes.LEAD_ERASED.type().equals(TopicRecords.cloudEvent(r).type()),
                1, Duration.ofSeconds(15));
        assertThat(erased).hasSize(1);
        assertThat(ContractSchemas.violations(EventTypes.LEAD_ERASED, erased.get(0).value())).isEmpty();

        // the address is free again: the same person signing up later is a new lead
        given().contentType(ContentType.JSON).body(body).post("/api/leads").then()
                .statusCode(201)
                .body("id", not(equalTo(id.toString())));
    }

    @Test
    void erasingAnUnknownLeadIsA404Problem() {
        given().delete("/api/leads/{id}", UUID.randomUUID()).then().statusCode(404);
    }
}
