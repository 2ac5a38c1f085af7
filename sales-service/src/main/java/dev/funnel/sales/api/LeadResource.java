package dev.funnel.sales.api;

import dev.funnel.contracts.access.Roles;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The sales view of leads: list and read them, move them through the pipeline, schedule follow-ups, record referrals. */
@Path("/api/leads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Leads")
@RolesAllowed(Roles.SALES)
@APIResponse(responseCode = "401", ref = OpenApiNames.UNAUTHENTICATED)
@APIResponse(responseCode = "403", ref = OpenApiNames.FORBIDDEN)
public class LeadResource {

    @Inject
    PipelineMoves moves;

    @Inject
    FollowUps followUps;

    @Inject
    Referrals referrals;

    /** One page of leads, highest score first (unscored last); each filter is optional. */
    @GET
    @Operation(summary = "List leads",
            description = "One page of leads, highest score first (unscored last), newest first among equals.")
    @APIResponse(responseCode = "200", description = "The page; empty past the last one.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = LeadView.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.BAD_PARAMETER)
    @APIResponse(responseCode = "422", ref = OpenApiNames.INVALID)
    public List<LeadView> list(@Parameter(description = "only leads at this stage",
                                       schema = @Schema(implementation = PipelineStage.class))
                               @QueryParam("stage") String stageName,
                               @Parameter(description = "only leads this rep owns", schema = @Schema(format = "uuid"))
                               @QueryParam("owner") String ownerId,
                               @Parameter(description = "only leads scored at least this",
                                       schema = @Schema(type = SchemaType.INTEGER))
                               @QueryParam("minScore") String minScoreText,
                               @Parameter(description = "page number, from 0")
                               @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                               @Parameter(description = "leads per page")
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
    @Operation(summary = "Read a lead",
            description = "The lead with its score and the breakdown behind it, its stage and the moves allowed from "
                    + "it, its owner, deal, history (moves, touches, referrals) and follow-ups.")
    @APIResponse(responseCode = "200", description = "The lead.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                               schema = @Schema(implementation = LeadDetail.class)))
    @APIResponse(responseCode = "404", ref = OpenApiNames.NOT_FOUND)
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
    @Operation(summary = "Move a lead to another stage",
            description = "NEW → QUALIFIED or DISQUALIFIED; QUALIFIED → CONTACTED → PROPOSAL → NEGOTIATION → WON; any "
                    + "open stage → LOST. WON needs an amount above 0 (in the deployment's currency), LOST a reason. "
                    + "Each move is published on sales.pipeline. Of two moves of one lead at the same time one wins, "
                    + "the other is answered 409.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "contacted", summary = "First call made", value = """
                    {"to": "CONTACTED", "note": "Intro call, wants a proposal", "by": "dana"}"""),
            @ExampleObject(name = "won", summary = "Deal won", value = """
                    {"to": "WON", "amount": 18000, "currency": "USD", "by": "dana"}"""),
            @ExampleObject(name = "lost", summary = "Deal lost to a competitor", value = """
                    {"to": "LOST", "reason": "COMPETITOR", "note": "Went with the incumbent"}""")}))
    @APIResponse(responseCode = "200", description = "Moved; the lead as it now stands.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                               schema = @Schema(implementation = LeadDetail.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.MALFORMED)
    @APIResponse(responseCode = "404", ref = OpenApiNames.NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The stage machine has no such move from the lead's stage "
            + "(currentStage and allowedStages say where it may go), or the lead was moved at the same time.",
            content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = ProblemMappers.MoveProblem.class),
                    examples = @ExampleObject(name = "illegalMove", value = """
                            {"type": "https://funnel.dev/problems/illegal-move", "title": "Illegal move", "status": 409,
                             "detail": "A lead at NEW cannot move to WON; it may move to [QUALIFIED, DISQUALIFIED, LOST].",
                             "currentStage": "NEW",
                             "allowedStages": ["QUALIFIED", "DISQUALIFIED", "LOST"]}""")))
    @APIResponse(responseCode = "422", ref = OpenApiNames.INVALID)
    public LeadDetail move(@PathParam("id") UUID id, @NotNull @Valid TransitionRequest request) {
        return LeadDetail.of(moves.move(id, request.toMove()));
    }

    @POST
    @Path("/{id}/follow-ups")
    @Operation(summary = "Schedule a follow-up",
            description = "A call, email, meeting or check-in with the lead, owned by ownerId or else by the lead's "
                    + "owner.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "call", summary = "A call next week", value = """
                    {"kind": "CALL", "dueAt": "2026-03-09T14:00:00Z", "note": "Walk through the proposal",
                     "by": "dana"}""")))
    @APIResponse(responseCode = "201", description = "Scheduled; Location is the follow-up.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                               schema = @Schema(implementation = FollowUpView.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.MALFORMED)
    @APIResponse(responseCode = "404", ref = OpenApiNames.NOT_FOUND)
    @APIResponse(responseCode = "422", ref = OpenApiNames.INVALID)
    public Response scheduleFollowUp(@PathParam("id") UUID id, @NotNull @Valid FollowUpRequest request) {
        var followUp = followUps.schedule(id, request.kind(), request.ownerId(), request.dueAt(), request.note(),
                request.by() == null ? Move.DEFAULT_ACTOR : request.by().strip());
        return Response.created(URI.create("/api/follow-ups/" + followUp.id)).entity(FollowUpView.of(followUp)).build();
    }

    /** Records a won customer as the source of a new lead, captured by marketing with channel REFERRAL. */
    @POST
    @Path("/{id}/referrals")
    @Operation(summary = "Record a referral",
            description = "A won customer (stage WON) refers someone: the person is posted to marketing as a lead with "
                    + "channel REFERRAL and the referral is kept in the customer's history. 201 for a new lead, 200 "
                    + "when marketing knew the email already (a touch). A lead marketing refuses is 422 with "
                    + "marketing's own problem; marketing unreachable is 503 with Retry-After and nothing is recorded.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "colleague", summary = "A customer's colleague", value = """
                    {"email": "lin@example.com", "firstName": "Lin", "lastName": "Okafor", "company": "Okafor Freight",
                     "by": "dana"}""")))
    @APIResponse(responseCode = "201", description = "A new lead in marketing.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                               schema = @Schema(implementation = Referrals.Referral.class)))
    @APIResponse(responseCode = "200", description = "Marketing knew the email: a touch on that lead.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                               schema = @Schema(implementation = Referrals.Referral.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.MALFORMED)
    @APIResponse(responseCode = "404", ref = OpenApiNames.NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The lead is not a won customer.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "notWon", value = """
                            {"type": "about:blank", "title": "Conflict", "status": 409,
                             "detail": "Lead 5d1f0c8e-2a47-4f3b-9b8e-1c6a2f4e7d90 is CONTACTED; only a won customer (WON) can refer a lead."}""")))
    @APIResponse(responseCode = "422", ref = OpenApiNames.INVALID)
    @APIResponse(responseCode = "502", description = "marketing-service refused sales-service's own credentials "
            + "(FUNNEL_MARKETING_TOKEN); nothing was recorded, and an operator must fix the token.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "credentialsRefused", value = """
                            {"type": "about:blank", "title": "Bad Gateway", "status": 502,
                             "detail": "marketing-service refused sales-service's own credentials (401); nothing was recorded. An operator must set FUNNEL_MARKETING_TOKEN to a valid lead-intake token."}""")))
    @APIResponse(responseCode = "503", description = "marketing-service could not be reached or failed; nothing was "
            + "recorded. Retry after the seconds in Retry-After with the same Idempotency-Key.",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying.",
                              schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "marketingAway", value = """
                            {"type": "about:blank", "title": "Service Unavailable", "status": 503,
                             "detail": "marketing-service cannot be reached: Connection refused; nothing was recorded. Retry shortly with the same Idempotency-Key."}""")))
    public Response refer(@PathParam("id") UUID id,
                          @Parameter(ref = OpenApiNames.IDEMPOTENCY_KEY)
                          @HeaderParam("Idempotency-Key") String idempotencyKey,
                          @NotNull @Valid ReferralRequest request) {
        Referrals.Referral referral = referrals.refer(id,
                new Referrals.Referred(request.email().strip(), request.firstName(), request.lastName(), request.company()),
                request.by() == null ? Move.DEFAULT_ACTOR : request.by().strip(), idempotencyKey);
        return Response.status(referral.created() ? 201 : 200).entity(referral).build();
    }
}
