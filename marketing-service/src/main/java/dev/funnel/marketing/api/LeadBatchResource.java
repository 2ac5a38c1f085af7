package dev.funnel.marketing.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.contracts.access.Roles;
import dev.funnel.marketing.Captured;
import dev.funnel.marketing.LeadCapture;
import dev.funnel.marketing.NewLead;
import dev.funnel.marketing.config.MarketingConfig;
import dev.funnel.marketing.metrics.FunnelMeters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Many leads in one request, for systems that collect them (ad platforms, list imports). Each item is
 * judged on its own: bad ones are rejected with their problems, the good ones are captured together
 * in one transaction, and the answer lists every item by its index.
 */
@Path("/api/leads/batch")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Leads")
@RolesAllowed(Roles.LEAD_INTAKE)
@APIResponse(responseCode = "401", ref = OpenApiNames.UNAUTHENTICATED)
@APIResponse(responseCode = "403", ref = OpenApiNames.FORBIDDEN)
public class LeadBatchResource {

    /** The most leads one batch may carry; more is refused with 413 as a whole. */
    public static final int MAX_LEADS = 1_000;

    /** The fate of one item of the batch. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemResult(
            int index,
            UUID id,
            @Schema(enumeration = {"created", "duplicate", "rejected"}) String outcome,
            @Schema(description = "why the item was rejected; only with outcome rejected") Problem problem) {
    }

    public record BatchResult(List<ItemResult> results) {
    }

    @Inject
    ObjectMapper json;

    @Inject
    LeadRequestRules rules;

    @Inject
    LeadCapture capture;

    @Inject
    IdempotentRequests idempotent;

    @Inject
    MarketingConfig config;

    @Inject
    FunnelMeters meters;

    /** 200 with one result per item: {@code created}, {@code duplicate} (a touch on a known lead) or {@code rejected}. */
    @POST
    @RateLimited
    @Operation(summary = "Capture a batch of leads",
            description = "Up to 1,000 leads, each with the fields of a single capture. Each is judged on its own: bad "
                    + "ones are rejected with their problem, the good ones are stored together in one transaction. "
                    + "The answer lists every item by its index: created, duplicate (a touch on a known lead) or "
                    + "rejected.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = LeadRequest.class, maxItems = MAX_LEADS),
            examples = @ExampleObject(name = "listImport", summary = "Two leads from a list import", value = """
                    [{"email": "ada@example.com", "firstName": "Ada",
                      "utm": {"source": "trade-show", "campaign": "Spring search"}},
                     {"email": "grace@example.com", "firstName": "Grace", "company": "Navy Labs",
                      "campaignId": "0b6f3a52-8d2e-4c41-9f0e-3f1f7a2c9d10"}]""")))
    @APIResponse(responseCode = "200", description = "Every item's fate, by its index.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                               schema = @Schema(implementation = BatchResult.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.MALFORMED)
    @APIResponse(responseCode = "413", ref = OpenApiNames.TOO_LARGE)
    @APIResponse(responseCode = "422", ref = OpenApiNames.INVALID)
    @APIResponse(responseCode = "429", ref = OpenApiNames.RATE_LIMITED)
    public Response captureAll(@Parameter(ref = OpenApiNames.IDEMPOTENCY_KEY)
                               @HeaderParam("Idempotency-Key") String idempotencyKey,
                               @NotNull(message = "a JSON array of leads is required") List<JsonNode> items) {
        if (items.size() > MAX_LEADS) {
            return new Problem("https://funnel.dev/problems/batch-too-large", "Batch too large", 413,
                    "A batch holds at most " + MAX_LEADS + " leads; this one has " + items.size() + ". Split it.",
                    null).toResponse();
        }
        ItemResult[] results = new ItemResult[items.size()];
        List<Integer> accepted = new ArrayList<>();
        List<NewLead> leads = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<Problem.FieldError> errors = new ArrayList<>();
            LeadRequest request = BatchItems.read(json, items.get(i), LeadRequest.class,
                    "each item must be a JSON object describing a lead", "is not a lead: ", errors);
            if (request != null) {
                errors.addAll(rules.checkAll(request));
            }
            if (errors.isEmpty()) {
                accepted.add(i);
                leads.add(request.toNewLead(config.currency()));
            } else {
                results[i] = new ItemResult(i, null, "rejected", Problem.invalid(errors));
            }
        }
        meters.rejected(items.size() - leads.size());
        return idempotent.run(idempotencyKey, items, () -> {
            List<Captured> captured = capture.captureAll(leads);
            ItemResult[] answered = results.clone(); // a retry after a conflict starts from the rejections alone
            for (int k = 0; k < captured.size(); k++) {
                Captured c = captured.get(k);
                answered[accepted.get(k)] = new ItemResult(accepted.get(k), c.id(), c.outcomeName(), null);
            }
            return new IdempotentRequests.Answer(200, new BatchResult(Arrays.asList(answered)));
        });
    }
}
