package dev.funnel.sales;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.funnel.contracts.pipeline.PipelineStage;
import dev.funnel.sales.config.SalesConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.UUID;

/**
 * A won customer recorded as the source of a new lead: the lead is posted to marketing (which owns lead
 * capture) as a referral, and the referral is kept in the customer's history. No transaction is held
 * open while marketing answers.
 */
@ApplicationScoped
public class Referrals {

    /** The person referred. */
    public record Referred(String email, String firstName, String lastName, String company) {
    }

    /**
     * What marketing answered.
     *
     * @param leadId  the referred lead's id in marketing
     * @param created true for a new lead, false when marketing knew the email already (a new touch)
     */
    public record Referral(UUID leadId, UUID referredBy, boolean created) {
    }

    /** Marketing refused the referred lead as invalid; its problem document is passed on. */
    public static class RefusedException extends RuntimeException {

        private final int status;
        private final String problem;

        RefusedException(int status, String problem) {
            super("marketing refused the referral with " + status);
            this.status = status;
            this.problem = problem;
        }

        public int status() {
            return status;
        }

        public String problem() {
            return problem;
        }
    }

    /** Marketing could not be reached or failed; nothing was recorded. */
    public static class MarketingUnavailableException extends RuntimeException {

        MarketingUnavailableException(String message) {
            super(message);
        }
    }

    /**
     * Marketing refused sales-service's own credentials (no token configured, an expired one, or one without
     * lead-intake): retrying will not help until an operator fixes FUNNEL_MARKETING_TOKEN.
     */
    public static class CredentialsRefusedException extends RuntimeException {

        CredentialsRefusedException(int status) {
            super("marketing-service refused sales-service's own credentials (" + status + "); nothing was recorded. "
                    + "An operator must set FUNNEL_MARKETING_TOKEN to a valid lead-intake token.");
        }
    }

    private final HttpClient http = HttpClient.newBuilder().build();

    @Inject
    SalesConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /**
     * @param idempotencyKey passed on to marketing, so a retried referral captures the lead once; may be null
     * @throws NotFoundException for an unknown lead
     * @throws ConflictException when the lead is not a won customer
     */
    public Referral refer(UUID customerId, Referred referred, String by, String idempotencyKey) {
        QuarkusTransaction.joiningExisting().run(() -> {
            Lead customer = Lead.findById(customerId);
            if (customer == null) {
                throw new NotFoundException("No lead with id " + customerId + ".");
            }
            if (customer.stage != PipelineStage.WON) {
                throw new ConflictException("Lead " + customerId + " is " + customer.stage
                        + "; only a won customer (WON) can refer a lead.");
            }
        });
        Referral referral = post(customerId, referred, idempotencyKey);
        QuarkusTransaction.requiringNew().run(() ->
                HistoryEntry.referral(customerId, referral.leadId(), by, clock.instant()).persist());
        return referral;
    }

    private Referral post(UUID customerId, Referred referred, String idempotencyKey) {
        ObjectNode body = json.createObjectNode();
        body.put("email", referred.email());
        body.put("firstName", referred.firstName());
        body.put("lastName", referred.lastName());
        body.put("company", referred.company());
        // referredBy makes marketing file the lead under the REFERRAL channel
        body.put("referredBy", customerId.toString());
        body.putObject("utm").put("source", "referral");
        body.putObject("attributes").put("referredBy", customerId.toString());
        HttpRequest.Builder request = HttpRequest.newBuilder(config.marketing().url().resolve("/api/leads"))
                .timeout(config.marketing().timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        config.marketing().token().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new MarketingUnavailableException("marketing-service cannot be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MarketingUnavailableException("interrupted while waiting for marketing-service");
        }
        int status = response.statusCode();
        if (status == 200 || status == 201) {
            try {
                JsonNode lead = json.readTree(response.body());
                return new Referral(UUID.fromString(lead.path("id").asText()), customerId, status == 201);
            } catch (IOException | IllegalArgumentException e) {
                throw new MarketingUnavailableException("marketing-service answered without a lead id");
            }
        }
        if (status == 401 || status == 403) {
            throw new CredentialsRefusedException(status);
        }
        if (status == 429) {
            throw new MarketingUnavailableException("marketing-service is busy (429)");
        }
        if (status >= 400 && status < 500) {
            throw new RefusedException(status, response.body());
        }
        throw new MarketingUnavailableException("marketing-service answered " + status);
    }
}
