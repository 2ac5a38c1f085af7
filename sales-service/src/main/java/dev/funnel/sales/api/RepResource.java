package dev.funnel.sales.api;

import dev.funnel.contracts.access.Roles;
import dev.funnel.sales.RepRoster;
import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sales reps; the active ones are given new qualified leads in turn. */
@Path("/api/reps")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reps")
@RolesAllowed(Roles.SALES)
@APIResponse(responseCode = "401", ref = OpenApiNames.UNAUTHENTICATED)
@APIResponse(responseCode = "403", ref = OpenApiNames.FORBIDDEN)
public class RepResource {

    @Inject
    RepRoster roster;

    @GET
    @Operation(summary = "List reps")
    @APIResponse(responseCode = "200", description = "Every rep.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = RepView.class)))
    public List<RepView> list() {
        return roster.all().stream().map(RepView::of).toList();
    }

    @POST
    @Operation(summary = "Add a rep", description = "A new rep is active (given qualified leads) unless told otherwise.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "newRep", summary = "A new rep", value = """
                    {"name": "Dana Reyes", "email": "dana@example.com"}""")))
    @APIResponse(responseCode = "201", description = "Added; Location is the rep.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                               schema = @Schema(implementation = RepView.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.MALFORMED)
    @APIResponse(responseCode = "422", ref = OpenApiNames.INVALID)
    public Response add(@NotNull @Valid RepRequest request) {
        var rep = roster.add(request.name().strip(), request.email() == null ? null : request.email().strip(),
                request.active() == null || request.active());
        return Response.created(URI.create("/api/reps/" + rep.id)).entity(RepView.of(rep)).build();
    }

    /** Renames a rep, or takes them out of (or back into) the rotation with {@code active}. */
    @PATCH
    @Path("/{id}")
    @Operation(summary = "Change a rep", description = "Renames a rep, or takes them out of (or back into) the rotation.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "onLeave", summary = "Out of the rotation", value = """
                    {"active": false}""")))
    @APIResponse(responseCode = "200", description = "Changed; the rep as stored.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                               schema = @Schema(implementation = RepView.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.MALFORMED)
    @APIResponse(responseCode = "404", ref = OpenApiNames.NOT_FOUND)
    @APIResponse(responseCode = "422", ref = OpenApiNames.INVALID)
    public RepView change(@PathParam("id") UUID id, @NotNull @Valid RepPatch patch) {
        return RepView.of(roster.change(id, patch.name() == null ? null : patch.name().strip(), patch.active()));
    }
}
