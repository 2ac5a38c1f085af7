package dev.funnel.system.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.contracts.access.Roles;
import dev.funnel.system.RunningFunnel;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No service's metrics hold a person: a lead is captured, touched, taken by sales, and looked up the wrong
 * way (by email, in a path and in a query string, as a careless client would), and then no line of any
 * service's Prometheus scrape holds the person's email, names, phone, company or title, nor the lead's id.
 * Labels are route templates and enums, so a lead's request counts under {@code /api/leads/{id}}.
 */
@ExtendWith(RunningFunnel.class)
class MetricsHoldNoPersonalDataIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void noServicesMetricsHoldALeadsPersonalDataOrId(RunningFunnel funnel) throws Exception {
        Person person = Person.unique();
        HttpResponse<String> created = send(funnel.request(funnel.marketing("/api/leads"), Roles.LEAD_INTAKE), "POST", """
                {"email": "%s", "firstName": "%s", "lastName": "%s", "phone": "%s", "company": "%s",
                 "jobTitle": "%s", "utm": {"campaign": "%s", "source": "%s"}}""".formatted(person.email(),
                person.firstName(), person.lastName(), person.phone(), person.company(), person.jobTitle(),
                person.lastName(), person.firstName()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String leadId = JSON.readTree(created.body()).get("id").asText();
        HttpResponse<String> touched = send(funnel.request(funnel.marketing("/api/leads"), Roles.LEAD_INTAKE), "POST",
                "{\"email\": \"%s\", \"utm\": {\"campaign\": \"%s\"}}".formatted(person.email(), person.company()));
        assertThat(touched.statusCode()).as(touched.body()).isEqualTo(200);
        URI salesLead = funnel.sales("/api/leads/" + leadId);
        await().atMost(Duration.ofSeconds(60)).until(() -> send(funnel.request(salesLead, Roles.SALES), "GET", null)
                .statusCode() == 200);
        String email = URLEncoder.encode(person.email(), StandardCharsets.UTF_8);
        send(funnel.request(funnel.marketing("/api/leads/" + leadId), Roles.MARKETER), "GET", null);
        // the wrong way round: an email where an id belongs, a path no route has, a filter given a name
        send(funnel.request(funnel.marketing("/api/leads/" + email), Roles.MARKETER), "GET", null);
        send(funnel.request(funnel.sales("/api/leads/" + email), Roles.SALES), "GET", null);
        send(funnel.request(funnel.marketing("/api/" + email), Roles.MARKETER), "GET", null);
        send(funnel.request(funnel.sales("/api/leads?owner=" + email), Roles.SALES), "GET", null);
        send(funnel.request(funnel.analytics("/api/analytics/funnel?campaignId=" + person.lastName()), Roles.ANALYST),
                "GET", null);

        // each scrape, and the route template its service counted this test's requests under
        Map<URI, String> scrapes = Map.of(
                funnel.marketing("/q/metrics"), "uri=\"/api/leads/{id}\"",
                funnel.sales("/q/metrics"), "uri=\"/api/leads/{id}\"",
                funnel.analytics("/q/metrics"), "uri=\"/api/analytics/funnel\"");
        List<String> holding = new ArrayList<>();
        long lines = 0;
        for (Map.Entry<URI, String> scrape : scrapes.entrySet()) {
            HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(scrape.getKey()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            // the requests above are in the scrape, by template: searching it is searching what they left
            assertThat(metrics.body()).as("%s", scrape.getKey()).contains(scrape.getValue());
            for (String line : metrics.body().lines().toList()) {
                lines++;
                if (person.foundIn(line).isPresent() || line.contains(leadId)) {
                    holding.add(scrape.getKey() + ": " + line);
                }
            }
        }
        System.out.printf("metrics: searched %d lines of three scrapes for %s and lead %s%n", lines, person.marks(),
                leadId);
        assertThat(holding).as("metric lines holding the person or the lead's id").isEmpty();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String method, String body)
            throws IOException, InterruptedException {
        return HTTP.send(request.header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
