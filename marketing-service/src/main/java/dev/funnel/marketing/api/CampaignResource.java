package dev.funnel.marketing.api;

import dev.funnel.marketing.Campaign;
import dev.funnel.marketing.Campaigns;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Campaigns: launch, list, read, change, and the spend recorded against them. */
@Path("/api/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CampaignResource {

    @Inject
    Campaigns campaigns;

    @Inject
    IdempotentRequests idempotent;

    @Inject
    DeploymentCurrency currency;

    /** 201 with the campaign, {@code ACTIVE}. */
    @POST
    public jakarta.ws.rs.core.Response launch(@HeaderParam("Idempotency-Key") String idempotencyKey,
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
    public List<CampaignView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return Campaign.<Campaign>findAll(Sort.descending("createdAt").and("id"))
                .page(Page.of(page, size)).list().stream().map(CampaignView::of).toList();
    }

    @GET
    @Path("/{id}")
    public CampaignView read(@PathParam("id") UUID id) {
        return CampaignView.of(Campaign.<Campaign>findByIdOptional(id).orElseThrow(() -> unknown(id)));
    }

    /** Changes name, budget or status; 409 once the campaign has ended. */
    @PATCH
    @Path("/{id}")
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
    public jakarta.ws.rs.core.Response recordSpend(@PathParam("id") UUID id,
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
            return new IdempotentRequests.Answer(201, Map.of("id", spend.id, "campaignId", id,
                    "amount", spend.amount, "currency", spend.currency, "spentOn", spend.spentOn));
        });
    }

    private static NotFoundException unknown(UUID id) {
        return new NotFoundException("No campaign with id " + id + ".");
    }
}
