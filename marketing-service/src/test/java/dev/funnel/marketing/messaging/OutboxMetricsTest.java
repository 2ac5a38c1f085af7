package dev.funnel.marketing.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.funnel.testing.FunnelInfrastructure;
import dev.funnel.testing.MetricsScrape;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The outbox gauges and the relay's producer metrics while the relay is held back, and once it runs again. */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "marketing"))
class OutboxMetricsTest {

    @Inject
    DataSource dataSource;

    private static MetricsScrape scrape() {
        return MetricsScrape.parse(given().accept(MetricsScrape.PROMETHEUS_TEXT).get("/q/metrics")
                .then().statusCode(200).extract().asString());
    }

    @Test
    void backlogAndAgeOfTheOldestUnsentEventRiseWhileTheRelayWaitsAndReturnToZeroOnceItSends() throws SQLException {
        UUID campaign = launchCampaign();
        awaitEmptyOutbox();
        double sentBefore = scrape().sum("kafka_producer_record_send_total", "client_id", "marketing-outbox-relay");
        try (Connection relayHeldBack = dataSource.getConnection()) {
            // a session lock on the relay's key: its try-lock fails, as when another instance relays
            lock(relayHeldBack, "SELECT pg_advisory_lock(?)");
            try {
                Instant heldSince = Instant.now();
                recordAwarenessOfAnHourDaysAgo(campaign); // the oldest row, with an event time days ago
                captureLead();
                captureLead();

                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    MetricsScrape scrape = scrape();
                    assertThat(scrape.sum("funnel_outbox_backlog")).isEqualTo(outboxRows()).isEqualTo(3);
                    assertThat(scrape.sum("funnel_outbox_oldest_unsent_age_seconds"))
                            .as("the age of the oldest row, not of the hour its awareness counts for")
                            .isGreaterThan(1)
                            .isLessThan(Duration.between(heldSince, Instant.now()).toSeconds() + 2);
                });
            } finally {
                lock(relayHeldBack, "SELECT pg_advisory_unlock(?)");
            }
        }

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            MetricsScrape scrape = scrape();
            assertThat(scrape.sum("funnel_outbox_backlog")).isZero();
            assertThat(scrape.sum("funnel_outbox_oldest_unsent_age_seconds")).isZero();
            assertThat(scrape.sum("kafka_producer_record_send_total", "client_id", "marketing-outbox-relay"))
                    .as("the relay's producer, exported by the Kafka binder").isGreaterThanOrEqualTo(sentBefore + 3);
        });
    }

    private void awaitEmptyOutbox() {
        await().atMost(Duration.ofSeconds(15)).until(() -> outboxRows() == 0);
    }

    private long outboxRows() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM outbox_event");
             ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void lock(Connection connection, String sql) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(sql)) {
            lock.setLong(1, OutboxRelay.RELAY_LOCK);
            lock.execute();
        }
    }

    private static void captureLead() {
        given().contentType(ContentType.JSON)
                .body("{\"email\": \"ada+%s@example.com\", \"utm\": {\"campaign\": \"x\"}}".formatted(UUID.randomUUID()))
                .post("/api/leads").then().statusCode(201);
    }

    private static UUID launchCampaign() {
        return UUID.fromString(given().contentType(ContentType.JSON).body("""
                        {"name": "Display %s", "channel": "DISPLAY", "budget": 5000, "currency": "USD",
                         "startsOn": "2026-01-01"}""".formatted(UUID.randomUUID()))
                .post("/api/campaigns").then().statusCode(201).extract().path("id"));
    }

    private static void recordAwarenessOfAnHourDaysAgo(UUID campaign) {
        String hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(3)).toString();
        given().contentType(ContentType.JSON)
                .body("[{\"campaignId\": \"%s\", \"kind\": \"IMPRESSION\", \"count\": 10, \"occurredAt\": \"%s\"}]"
                        .formatted(campaign, hour))
                .post("/api/awareness").then().statusCode(202);
    }
}
