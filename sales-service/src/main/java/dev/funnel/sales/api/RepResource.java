package dev.funnel.sales.api;

import dev.funnel.sales.RepRoster;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Sales reps; the active ones are given new qualified leads in turn. */
@Path("/api/reps")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RepResource {

    @Inject
    RepRoster roster;

    @GET
    public List<RepView> list() {
        return roster.all().stream().map(RepView::of).toList();
    }

    @POST
    public Response add(@NotNull @Valid RepRequest request) {
        var rep = roster.add(request.name().strip(), request.email() == null ? null : request.email().strip(),
                request.active() == null || request.active());
        return Response.created(URI.create("/api/reps/" + rep.id)).entity(RepView.of(rep)).build();
    }

    /** Renames a rep, or takes them out of (or back into) the rotation with {@code active}. */
    @PATCH
    @Path("/{id}")
    public RepView change(@PathParam("id") UUID id, @NotNull @Valid RepPatch patch) {
        return RepView.of(roster.change(id, patch.name() == null ? null : patch.name().strip(), patch.active()));
    }
}
