package dev.funnel.sales.api;

import dev.funnel.contracts.pipeline.PipelineStage;
import dev.funnel.sales.FollowUps;
import dev.funnel.sales.Lead;
import dev.funnel.sales.Move;
import dev.funnel.sales.NotFoundException;
import dev.funnel.sales.PipelineMoves;
import dev.funnel.sales.Referrals;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The sales view of leads: list and read them, move them through the pipeline, schedule follow-ups, record referrals. */
@Path("/api/leads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LeadResource {

    @Inject
    PipelineMoves moves;

    @Inject
    FollowUps followUps;

    @Inject
    Referrals referrals;

    /** One page of leads, highest score first (unscored last); each filter is optional. */
    @GET
    public List<LeadView> list(@QueryParam("stage") String stageName,
                               @QueryParam("owner") String ownerId,
                               @QueryParam("minScore") String minScoreText,
                               @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                               @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (stageName != null) {
            where.add("stage = :stage");
            parameters.and("stage", parseStage(stageName));
        }
        if (ownerId != null) {
            where.add("ownerId = :owner");
            parameters.and("owner", Parse.uuid("owner", ownerId));
        }
        if (minScoreText != null) {
            where.add("score >= :minScore");
            parameters.and("minScore", Parse.integer("minScore", minScoreText));
        }
        Sort sort = Sort.by("score", Sort.Direction.Descending, Sort.NullPrecedence.NULLS_LAST)
                .and("createdAt", Sort.Direction.Descending).and("id");
        var query = where.isEmpty() ? Lead.<Lead>findAll(sort)
                : Lead.<Lead>find(String.join(" AND ", where), sort, parameters);
        return query.page(Page.of(page, size)).list().stream().map(LeadView::of).toList();
    }

    /** Parsed here rather than by JAX-RS, which answers an unconvertible query parameter without naming it. */
    private static PipelineStage parseStage(String name) {
        try {
            return PipelineStage.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("stage", "must be one of " + Arrays.toString(PipelineStage.values()));
        }
    }

    @GET
    @Path("/{id}")
    public LeadDetail read(@PathParam("id") UUID id) {
        Lead lead = Lead.findById(id);
        if (lead == null) {
            throw new NotFoundException("No lead with id " + id + ".");
        }
        return LeadDetail.of(lead);
    }

    /** Moves the lead to another stage; 409 names the current stage and the allowed ones when the move does not exist. */
    @POST
    @Path("/{id}/transitions")
    public LeadDetail move(@PathParam("id") UUID id, @NotNull @Valid TransitionRequest request) {
        return LeadDetail.of(moves.move(id, request.toMove()));
    }

    @POST
    @Path("/{id}/follow-ups")
    public Response scheduleFollowUp(@PathParam("id") UUID id, @NotNull @Valid FollowUpRequest request) {
        var followUp = followUps.schedule(id, request.kind(), request.ownerId(), request.dueAt(), request.note(),
                request.by() == null ? Move.DEFAULT_ACTOR : request.by().strip());
        return Response.created(URI.create("/api/follow-ups/" + followUp.id)).entity(FollowUpView.of(followUp)).build();
    }

    /** Records a won customer as the source of a new lead, captured by marketing with channel REFERRAL. */
    @POST
    @Path("/{id}/referrals")
    public Response refer(@PathParam("id") UUID id, @HeaderParam("Idempotency-Key") String idempotencyKey,
                          @NotNull @Valid ReferralRequest request) {
        Referrals.Referral referral = referrals.refer(id,
                new Referrals.Referred(request.email().strip(), request.firstName(), request.lastName(), request.company()),
                request.by() == null ? Move.DEFAULT_ACTOR : request.by().strip(), idempotencyKey);
        return Response.status(referral.created() ? 201 : 200).entity(referral).build();
    }
}
