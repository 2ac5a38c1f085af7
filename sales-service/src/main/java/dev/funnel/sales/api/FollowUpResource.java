package dev.funnel.sales.api;

import dev.funnel.contracts.access.Roles;
import dev.funnel.sales.FollowUps;
import dev.funnel.sales.Move;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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

/** Follow-ups across leads: what is due, for whom, and completing them. */
@Path("/api/follow-ups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Follow-ups")
@RolesAllowed(Roles.SALES)
@APIResponse(responseCode = "401", ref = OpenApiNames.UNAUTHENTICATED)
@APIResponse(responseCode = "403", ref = OpenApiNames.FORBIDDEN)
public class FollowUpResource {

    @Inject
    FollowUps followUps;

    /** One page of follow-ups, soonest due first; open ones unless {@code status} says COMPLETED or ALL. */
    @GET
    @Operation(summary = "List follow-ups",
            description = "One page of follow-ups, soonest due first; each filter is optional.")
    @APIResponse(responseCode = "200", description = "The page; empty past the last one.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = FollowUpView.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.BAD_PARAMETER)
    @APIResponse(responseCode = "422", ref = OpenApiNames.INVALID)
    public List<FollowUpView> list(@Parameter(description = "only those due before this time",
                                           schema = @Schema(format = "date-time"), example = "2026-03-31T00:00:00Z")
                                   @QueryParam("dueBefore") String dueBefore,
                                   @Parameter(description = "only those this rep owns", schema = @Schema(format = "uuid"))
                                   @QueryParam("owner") String owner,
                                   @Parameter(description = "only those with this lead", schema = @Schema(format = "uuid"))
                                   @QueryParam("leadId") String leadId,
                                   @Parameter(description = "OPEN (the default), COMPLETED or ALL",
                                           schema = @Schema(enumeration = {"OPEN", "COMPLETED", "ALL"}))
                                   @QueryParam("status") @DefaultValue("OPEN") String status,
                                   @Parameter(description = "page number, from 0")
                                   @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @Parameter(description = "follow-ups per page")
                                   @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return followUps.list(
                        dueBefore == null ? null : Parse.instant("dueBefore", dueBefore),
                        owner == null ? null : Parse.uuid("owner", owner),
                        leadId == null ? null : Parse.uuid("leadId", leadId),
                        Parse.enumValue("status", status, FollowUps.Status.class), page, size)
                .stream().map(FollowUpView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a follow-up")
    @APIResponse(responseCode = "200", description = "The follow-up.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                               schema = @Schema(implementation = FollowUpView.class)))
    @APIResponse(responseCode = "404", ref = OpenApiNames.NOT_FOUND)
    public FollowUpView read(@PathParam("id") UUID id) {
        return FollowUpView.of(followUps.find(id));
    }

    /** Completes the follow-up with its outcome; 409 when it was completed before. */
    @POST
    @Path("/{id}/complete")
    @Operation(summary = "Complete a follow-up",
            description = "Records what came of it and publishes FollowUpCompleted; a follow-up is completed once.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "done", summary = "A call that went well", value = """
                    {"outcome": "Agreed to a pilot in April", "by": "dana"}""")))
    @APIResponse(responseCode = "200", description = "Completed; the follow-up as stored.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                               schema = @Schema(implementation = FollowUpView.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.MALFORMED)
    @APIResponse(responseCode = "404", ref = OpenApiNames.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = OpenApiNames.CONFLICT)
    @APIResponse(responseCode = "422", ref = OpenApiNames.INVALID)
    public FollowUpView complete(@PathParam("id") UUID id, @NotNull @Valid CompletionRequest request) {
        return FollowUpView.of(followUps.complete(id, request.outcome().strip(),
                request.by() == null ? Move.DEFAULT_ACTOR : request.by().strip()));
    }
}
