package dev.funnel.marketing.api;

import dev.funnel.contracts.access.Roles;
import dev.funnel.marketing.Captured;
import dev.funnel.marketing.Lead;
import dev.funnel.marketing.LeadCapture;
import dev.funnel.marketing.LeadErasure;
import dev.funnel.marketing.config.MarketingConfig;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Lead capture for web forms, ad platforms and other systems. */
@Path("/api/leads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Leads")
@APIResponse(responseCode = "401", ref = OpenApiNames.UNAUTHENTICATED)
@APIResponse(responseCode = "403", ref = OpenApiNames.FORBIDDEN)
public class LeadResource {

    /** The answer to a capture: the lead's id, and whether it was new ({@code created}) or known ({@code duplicate}). */
    public record CaptureResult(
            UUID id,
            @Schema(enumeration = {"created", "duplicate"}, description = "created: a new lead; duplicate: the "
                    + "email was known, the id is the existing lead's and a touch was recorded")
            String outcome) {
        static CaptureResult of(Captured captured) {
            return new CaptureResult(captured.id(), captured.outcomeName());
        }

        /** The whole answer: 201 for a new lead, 200 for a touch on a known one. */
        static IdempotentRequests.Answer answer(Captured captured) {
            return new IdempotentRequests.Answer(captured.created() ? 201 : 200, of(captured));
        }
    }

    @Inject
    LeadCapture capture;

    @Inject
    GroupedCapture grouped;

    @Inject
    LeadErasure erasure;

    @Inject
    IdempotentRequests idempotent;

    @Inject
    LeadRequestRules rules;

    @Inject
    MarketingConfig config;

    /**
     * 201 with the new lead's id; 200 with the existing id when the email is known (a new touch).
     * Non-blocking on purpose: the body is then read and parsed on the I/O thread as it arrives, and
     * only the database work occupies another thread. A blocking method would read the body on the worker
     * through a stream handed over chunk by chunk, which cost a fifth of the CPU under load.
     * Without an Idempotency-Key the lead joins the leads posted at the same moment in one transaction
     * ({@link GroupedCapture}); with one, the key is claimed in the lead's own transaction.
     */
    @RolesAllowed(Roles.LEAD_INTAKE)
    @POST
    @RateLimited
    @NonBlocking
    @Operation(summary = "Capture a lead",
            description = "Stores the lead and announces it (LeadGenerated). A known email (trimmed, any case) is no "
                    + "new lead: it is answered 200 with the existing id and recorded as a touch (LeadEngaged). The "
                    + "lead needs a campaign: campaignId (an existing campaign) or utm; utm.campaign names a campaign "
                    + "by id or name, any case, and an unknown one leaves the lead on channel OTHER.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "webForm", summary = "A web form with UTM parameters", value = """
                    {"email": "ada@example.com", "firstName": "Ada", "lastName": "Lovelace",
                     "company": "Analytical Engines Ltd", "jobTitle": "Head of Engineering",
                     "phone": "+44 20 7946 0000", "country": "GB", "companySize": 120, "budget": 25000,
                     "currency": "USD", "timeline": "QUARTER",
                     "utm": {"source": "google", "medium": "cpc", "campaign": "Spring search", "term": "funnel analytics"},
                     "consent": {"marketing": true}, "attributes": {"form": "demo-request"}}"""),
            @ExampleObject(name = "byCampaignId", summary = "The least a lead needs: email and campaign", value = """
                    {"email": "grace@example.com", "campaignId": "0b6f3a52-8d2e-4c41-9f0e-3f1f7a2c9d10"}""")}))
    @APIResponse(responseCode = "201", description = "A new lead.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                               schema = @Schema(implementation = CaptureResult.class),
                    examples = @ExampleObject(name = "created", value = """
                            {"id": "5d1f0c8e-2a47-4f3b-9b8e-1c6a2f4e7d90", "outcome": "created"}""")))
    @APIResponse(responseCode = "200", description = "A known email: a touch on the existing lead.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                               schema = @Schema(implementation = CaptureResult.class),
                    examples = @ExampleObject(name = "duplicate", value = """
                            {"id": "5d1f0c8e-2a47-4f3b-9b8e-1c6a2f4e7d90", "outcome": "duplicate"}""")))
    @APIResponse(responseCode = "400", ref = OpenApiNames.MALFORMED)
    @APIResponse(responseCode = "422", ref = OpenApiNames.INVALID)
    @APIResponse(responseCode = "503", ref = OpenApiNames.BUSY)
    @APIResponse(responseCode = "429", ref = OpenApiNames.RATE_LIMITED)
    public Uni<Response> capture(@Parameter(ref = OpenApiNames.IDEMPOTENCY_KEY)
                                 @HeaderParam("Idempotency-Key") String idempotencyKey,
                                 @NotNull(message = "a JSON body is required") @Valid LeadRequest request) {
        if (idempotencyKey == null) {
            return Uni.createFrom().completionStage(() -> grouped.capture(request));
        }
        return VertxContextSupport.executeBlocking(() -> {
            List<Problem.FieldError> broken = rules.check(request);
            if (!broken.isEmpty()) {
                throw new InvalidFieldException(broken);
            }
            return idempotent.run(idempotencyKey, request,
                    () -> CaptureResult.answer(capture.capture(request.toNewLead(config.currency()))));
        });
    }

    @RolesAllowed(Roles.MARKETER)
    @GET
    @Path("/{id}")
    @Operation(summary = "Read a lead", description = "Personal fields are absent once the lead was erased.")
    @APIResponse(responseCode = "200", description = "The lead.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                               schema = @Schema(implementation = LeadView.class)))
    @APIResponse(responseCode = "404", ref = OpenApiNames.NOT_FOUND)
    public LeadView read(@PathParam("id") UUID id) {
        Lead lead = Lead.findById(id);
        if (lead == null) {
            throw new NotFoundException("No lead with id " + id + ".");
        }
        return LeadView.of(lead);
    }

    /** 204 once the lead's personal data is gone (also when it already was); 404 for an unknown lead. */
    @RolesAllowed(Roles.ADMIN)
    @DELETE
    @Path("/{id}")
    @Operation(summary = "Erase a person",
            description = "Erases the lead's personal data (email, names, phone, company, job title, attributes) for "
                    + "good, keeps the anonymous facts, and announces it (LeadErased) so that sales erases too. "
                    + "Erasing an erased lead again is also 204.")
    @APIResponse(responseCode = "204", description = "Erased.")
    @APIResponse(responseCode = "404", ref = OpenApiNames.NOT_FOUND)
    public Response erase(@PathParam("id") UUID id) {
        if (erasure.erase(id) == LeadErasure.Outcome.UNKNOWN_LEAD) {
            throw new NotFoundException("No lead with id " + id + ".");
        }
        return Response.noContent().build();
    }
}
