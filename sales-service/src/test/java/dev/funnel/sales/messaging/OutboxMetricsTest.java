package dev.funnel.sales.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.funnel.contracts.pipeline.PipelineStage;
import dev.funnel.sales.TestLeads;
import dev.funnel.testing.EventProducer;
import dev.funnel.testing.FunnelInfrastructure;
import dev.funnel.testing.MetricsScrape;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The outbox gauges and the relay's producer metrics while the relay is held back, and once it runs again. */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "sales"))
class OutboxMetricsTest {

    private static EventProducer events;

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void connect() {
        events = new EventProducer(FunnelInfrastructure.bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    private static MetricsScrape scrape() {
        return MetricsScrape.parse(given().accept(MetricsScrape.PROMETHEUS_TEXT).get("/q/metrics")
                .then().statusCode(200).extract().asString());
    }

    @Test
    void backlogAndAgeOfTheOldestUnsentEventRiseWhileTheRelayWaitsAndReturnToZeroOnceItSends() throws SQLException {
        UUID lead = TestLeads.bringIn(events, TestLeads.promising(UUID.randomUUID()), PipelineStage.QUALIFIED);
        await().atMost(Duration.ofSeconds(15)).until(() -> outboxRows() == 0);
        double sentBefore = scrape().sum("kafka_producer_record_send_total", "client_id", "sales-outbox-relay");
        try (Connection relayHeldBack = dataSource.getConnection()) {
            // a session lock on the relay's key: its try-lock fails, as when another instance relays
            lock(relayHeldBack, "SELECT pg_advisory_lock(?)");
            try {
                Instant heldSince = Instant.now();
                TestLeads.move(lead, Map.of("to", "CONTACTED")).statusCode(200);
                TestLeads.move(lead, Map.of("to", "PROPOSAL")).statusCode(200);

                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    MetricsScrape scrape = scrape();
                    assertThat(scrape.sum("funnel_outbox_backlog")).isEqualTo(outboxRows()).isEqualTo(2);
                    assertThat(scrape.sum("funnel_outbox_oldest_unsent_age_seconds"))
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
            assertThat(scrape.sum("kafka_producer_record_send_total", "client_id", "sales-outbox-relay"))
                    .as("the relay's producer, exported by the Kafka binder").isGreaterThanOrEqualTo(sentBefore + 2);
        });
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
}
