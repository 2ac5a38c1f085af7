package dev.funnel.analytics.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.funnel.testing.FunnelInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class ConsumerGroupReadinessTest {

    @Test
    void readinessIncludesTheLeadEventsConsumerGroupOnceItHasItsPartitions() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/q/health/ready").then()
                        .statusCode(200)
                        .body("checks.find { it.name == 'lead-events consumer group' }.status", equalTo("UP"))
                        // a single instance owns all three partitions of marketing.leads
                        .body("checks.find { it.name == 'lead-events consumer group' }.data.partitions", equalTo(3)));
        given().get("/q/health/ready").then().body("checks.name", hasItem("lead-events consumer group"));
    }

    @Test
    void readinessIncludesTheCampaignAndPipelineConsumerGroups() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/q/health/ready").then()
                        .statusCode(200)
                        .body("checks.find { it.name == 'campaign-events consumer group' }.status", equalTo("UP"))
                        .body("checks.find { it.name == 'campaign-events consumer group' }.data.partitions", equalTo(3))
                        .body("checks.find { it.name == 'pipeline-events consumer group' }.status", equalTo("UP"))
                        .body("checks.find { it.name == 'pipeline-events consumer group' }.data.partitions", equalTo(3)));
    }
}
