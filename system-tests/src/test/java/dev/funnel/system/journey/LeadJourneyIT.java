package dev.funnel.system.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.contracts.access.Roles;
import dev.funnel.system.RunningFunnel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Leads posted to marketing travel over Kafka to sales and analytics, each service a real process. */
@ExtendWith(RunningFunnel.class)
class LeadJourneyIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpResponse<String> postLead(RunningFunnel funnel, String email, UUID campaignId, String key)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = funnel.request(funnel.marketing("/api/leads"), Roles.LEAD_INTAKE)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"email": "%s", "firstName": "Lin", "company": "Acme", "campaignId": "%s"}"""
                        .formatted(email, campaignId)));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Launches a campaign in marketing, which leads can then name by id. */
    private static UUID launchCampaign(RunningFunnel funnel) throws IOException, InterruptedException {
        HttpResponse<String> launched = HTTP.send(funnel.request(funnel.marketing("/api/campaigns"), Roles.MARKETER)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"name": "journey %s", "channel": "EMAIL", "budget": 5000, "currency": "USD",
                         "startsOn": "2026-01-01"}""".formatted(UUID.randomUUID())))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(201);
        return UUID.fromString(JSON.readTree(launched.body()).get("id").asText());
    }

    /** A GET with the token of the role that reads {@code uri}'s service: sales' leads, analytics' figures. */
    private static JsonNode get(RunningFunnel funnel, URI uri, String role) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(funnel.request(uri, role).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s answered %s", uri, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static int status(RunningFunnel funnel, URI uri, String role) throws IOException, InterruptedException {
        return HTTP.send(funnel.request(uri, role).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void postedLeadsAreScoredBySalesAndCountedExactlyOnceByAnalytics(RunningFunnel funnel) throws Exception {
        UUID campaign = launchCampaign(funnel);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> created = postLead(funnel, "lead" + i + "-" + campaign + "@example.com", campaign, null);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            ids.add(JSON.readTree(created.body()).get("id").asText());
        }
        // the same lead posted twice with one Idempotency-Key: one lead, the first answer replayed
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = postLead(funnel, "retried-" + campaign + "@example.com", campaign, key);
        HttpResponse<String> retry = postLead(funnel, "retried-" + campaign + "@example.com", campaign, key);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        ids.add(JSON.readTree(first.body()).get("id").asText());
        // a known email without a key is a touch on the existing lead, not a new one
        HttpResponse<String> touch = postLead(funnel, "lead0-" + campaign + "@example.com", campaign, null);
        assertThat(touch.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(touch.body()).get("id").asText()).isEqualTo(ids.get(0));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String id : ids) {
                assertThat(status(funnel, funnel.sales("/api/leads/" + id), Roles.SALES)).as("sales knows lead %s", id)
                        .isEqualTo(200);
            }
        });
        for (String id : ids) {
            JsonNode lead = get(funnel, funnel.sales("/api/leads/" + id), Roles.SALES);
            // scored on arrival and moved by the threshold, one way or the other
            assertThat(lead.get("stage").asText()).isIn("QUALIFIED", "DISQUALIFIED");
            assertThat(lead.get("score").isInt()).as("score of %s", id).isTrue();
        }
        assertThat(get(funnel, funnel.sales("/api/leads/" + ids.get(0)), Roles.SALES).get("touches").asInt()).isEqualTo(2);

        URI campaignFunnel = funnel.analytics("/api/analytics/funnel?campaignId=" + campaign);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get(funnel, campaignFunnel, Roles.ANALYST).get("leads").asLong()).isEqualTo(5));
        // and it stays 5: no late duplicate is counted
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(get(funnel, campaignFunnel, Roles.ANALYST).get("leads").asLong()).isEqualTo(5));
    }

    @Test
    void erasingALeadInMarketingRemovesThePersonFromSalesToo(RunningFunnel funnel) throws Exception {
        UUID campaign = launchCampaign(funnel);
        HttpResponse<String> created = postLead(funnel, "forget-me-" + campaign + "@example.com", campaign, null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).get("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> status(funnel, funnel.sales("/api/leads/" + id), Roles.SALES) == 200);

        HttpResponse<Void> erased = HTTP.send(funnel.request(funnel.marketing("/api/leads/" + id), Roles.ADMIN).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(erased.statusCode()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode lead = get(funnel, funnel.sales("/api/leads/" + id), Roles.SALES);
            assertThat(lead.get("erasedAt").isNull()).as("sales erased the lead").isFalse();
            assertThat(lead.path("email").isMissingNode() || lead.get("email").isNull()).isTrue();
            assertThat(lead.get("firstName").isNull()).isTrue();
        });
        // the anonymous fact stays: analytics still counts the lead
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                get(funnel, funnel.analytics("/api/analytics/funnel?campaignId=" + campaign), Roles.ANALYST).get("leads")
                        .asLong()).isEqualTo(1));
    }
}
