package dev.funnel.marketing.api;

import dev.funnel.contracts.access.Roles;
import dev.funnel.marketing.Campaign;
import dev.funnel.marketing.Campaigns;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/** Campaigns: launch, list, read, change, and the spend recorded against them. */
@Path("/api/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Campaigns")
@RolesAllowed(Roles.MARKETER)
@APIResponse(responseCode = "401", ref = OpenApiNames.UNAUTHENTICATED)
@APIResponse(responseCode = "403", ref = OpenApiNames.FORBIDDEN)
public class CampaignResource {

    /** The 201 body of a recorded spend. */
    public record RecordedSpend(UUID id, UUID campaignId, BigDecimal amount, String currency, LocalDate spentOn) {
    }

    @Inject
    Campaigns campaigns;

    @Inject
    IdempotentRequests idempotent;

    @Inject
    DeploymentCurrency currency;

    /** 201 with the campaign, {@code ACTIVE}. */
    @POST
    @Operation(summary = "Launch a campaign",
            description = "Creates the campaign ACTIVE and announces it (CampaignLaunched). The currency must be the "
                    + "deployment's; endsOn, when given, is not before startsOn.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "searchCampaign", summary = "A spring search campaign", value = """
                    {"name": "Spring search", "channel": "SEARCH", "budget": 12000, "currency": "USD",
                     "startsOn": "2026-03-01", "endsOn": "2026-05-31"}""")))
    @APIResponse(responseCode = "201", description = "Launched; the campaign as stored.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                               schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.MALFORMED)
    @APIResponse(responseCode = "422", ref = OpenApiNames.INVALID)
    public jakarta.ws.rs.core.Response launch(@Parameter(ref = OpenApiNames.IDEMPOTENCY_KEY)
                                              @HeaderParam("Idempotency-Key") String idempotencyKey,
                                              @NotNull(message = "a JSON body is required") @Valid CampaignRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        currency.check(request.currency(), errors);
        if (request.endsOn() != null && request.endsOn().isBefore(request.startsOn())) {
            errors.add(new Problem.FieldError("endsOn", "must not be before startsOn"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return idempotent.run(idempotencyKey, request, () ->
                new IdempotentRequests.Answer(201, CampaignView.of(campaigns.launch(request.toNewCampaign()))));
    }

    /** A page of campaigns, newest first. */
    @GET
    @Operation(summary = "List campaigns", description = "One page of campaigns, newest first.")
    @APIResponse(responseCode = "200", description = "The page; empty past the last one.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = CampaignView.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.BAD_PARAMETER)
    @APIResponse(responseCode = "422", ref = OpenApiNames.INVALID)
    public List<CampaignView> list(@Parameter(description = "page number, from 0")
                                   @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @Parameter(description = "campaigns per page")
                                   @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return Campaign.<Campaign>findAll(Sort.descending("createdAt").and("id"))
                .page(Page.of(page, size)).list().stream().map(CampaignView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a campaign")
    @APIResponse(responseCode = "200", description = "The campaign.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                               schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "404", ref = OpenApiNames.NOT_FOUND)
    public CampaignView read(@PathParam("id") UUID id) {
        return CampaignView.of(Campaign.<Campaign>findByIdOptional(id).orElseThrow(() -> unknown(id)));
    }

    /** Changes name, budget or status; 409 once the campaign has ended. */
    @PATCH
    @Path("/{id}")
    @Operation(summary = "Change a campaign",
            description = "Changes any of name, budget and status (ACTIVE, PAUSED, ENDED) and announces the change "
                    + "(CampaignChanged). An ended campaign takes no more changes.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "pause", summary = "Pause it with a larger budget", value = """
                    {"budget": 15000, "status": "PAUSED"}"""),
            @ExampleObject(name = "end", summary = "End it", value = """
                    {"status": "ENDED"}""")}))
    @APIResponse(responseCode = "200", description = "Changed; the campaign as stored.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                               schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.MALFORMED)
    @APIResponse(responseCode = "404", ref = OpenApiNames.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = OpenApiNames.ENDED)
    @APIResponse(responseCode = "422", ref = OpenApiNames.INVALID)
    public CampaignView change(@PathParam("id") UUID id,
                               @NotNull(message = "a JSON body is required") @Valid CampaignPatch patch) {
        if (patch.isEmpty()) {
            throw new InvalidFieldException("body", "name at least one of name, budget, status");
        }
        return CampaignView.of(campaigns.change(id, patch.toChange()).orElseThrow(() -> unknown(id)));
    }

    /** 201 with the recorded spend's id. */
    @POST
    @Path("/{id}/spend")
    @Operation(summary = "Record spend",
            description = "Records money spent on the campaign on one day and announces it (SpendRecorded).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "dailySpend", summary = "A day's ad spend", value = """
                    {"amount": 420.50, "currency": "USD", "spentOn": "2026-03-02"}""")))
    @APIResponse(responseCode = "201", description = "Recorded.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                               schema = @Schema(implementation = RecordedSpend.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.MALFORMED)
    @APIResponse(responseCode = "404", ref = OpenApiNames.NOT_FOUND)
    @APIResponse(responseCode = "422", ref = OpenApiNames.INVALID)
    public jakarta.ws.rs.core.Response recordSpend(@PathParam("id") UUID id,
                                                   @Parameter(ref = OpenApiNames.IDEMPOTENCY_KEY)
                                                   @HeaderParam("Idempotency-Key") String idempotencyKey,
                                                   @NotNull(message = "a JSON body is required") @Valid SpendRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        currency.check(request.currency(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return idempotent.run(idempotencyKey, Map.of("campaign", id, "spend", request), () -> {
            var spend = campaigns.recordSpend(id, request.amount(), request.currency(), request.spentOn())
                    .orElseThrow(() -> unknown(id));
            return new IdempotentRequests.Answer(201,
                    new RecordedSpend(spend.id, id, spend.amount, spend.currency, spend.spentOn));
        });
    }

    private static NotFoundException unknown(UUID id) {
        return new NotFoundException("No campaign with id " + id + ".");
    }
}
