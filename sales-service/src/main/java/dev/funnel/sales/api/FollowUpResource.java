package dev.funnel.sales.api;

import dev.funnel.sales.FollowUps;
import dev.funnel.sales.Move;
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

/** Follow-ups across leads: what is due, for whom, and completing them. */
@Path("/api/follow-ups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FollowUpResource {

    @Inject
    FollowUps followUps;

    /** One page of follow-ups, soonest due first; open ones unless {@code status} says COMPLETED or ALL. */
    @GET
    public List<FollowUpView> list(@QueryParam("dueBefore") String dueBefore,
                                   @QueryParam("owner") String owner,
                                   @QueryParam("leadId") String leadId,
                                   @QueryParam("status") @DefaultValue("OPEN") String status,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) int page,
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
    public FollowUpView read(@PathParam("id") UUID id) {
        return FollowUpView.of(followUps.find(id));
    }

    /** Completes the follow-up with its outcome; 409 when it was completed before. */
    @POST
    @Path("/{id}/complete")
    public FollowUpView complete(@PathParam("id") UUID id, @NotNull @Valid CompletionRequest request) {
        return FollowUpView.of(followUps.complete(id, request.outcome().strip(),
                request.by() == null ? Move.DEFAULT_ACTOR : request.by().strip()));
    }
}
