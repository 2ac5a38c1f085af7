package dev.funnel.analytics.api;

import dev.funnel.analytics.rebuild.Rebuild;
import dev.funnel.analytics.rebuild.RebuildState;
import dev.funnel.analytics.rebuild.Rebuilding;
import dev.funnel.analytics.rebuild.Rebuilds;
import dev.funnel.contracts.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Rebuilds analytics from the topics (replay from offset 0 into fresh tables, swapped in at the end), and tells
 * how a rebuild is getting on. Any instance answers for a rebuild any other one runs.
 */
@Path("/api/analytics/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rebuild")
@RolesAllowed(Roles.ADMIN)
@APIResponse(responseCode = "401", ref = OpenApiNames.UNAUTHENTICATED)
@APIResponse(responseCode = "403", ref = OpenApiNames.FORBIDDEN)
public class RebuildResource {

    /**
     * A rebuild as shown.
     *
     * @param eventsTotal   records on the topics when it started (null until read); events arriving meanwhile are
     *                      replayed too, so eventsApplied may end above it
     * @param eventsApplied records replayed so far, eventsSkipped of them poison (live dead-lettered them)
     * @param problem       why it failed, else null
     */
    public record RebuildView(UUID id, RebuildState state, Instant startedAt, Instant finishedAt, long eventsApplied,
                              long eventsSkipped, Long eventsTotal, String problem) {

        static RebuildView of(Rebuild rebuild) {
            return new RebuildView(rebuild.rebuildId, rebuild.state, rebuild.startedAt, rebuild.finishedAt,
                    rebuild.eventsApplied, rebuild.eventsSkipped, rebuild.eventsTotal, rebuild.problem);
        }
    }

    @Inject
    Rebuilding rebuilding;

    @Inject
    Rebuilds rebuilds;

    /** 202 with the new rebuild and where to follow it; 409 naming the one underway. */
    @POST
    @Operation(summary = "Start a rebuild",
            description = "Replays every topic from its first record into empty copies of the tables while live "
                    + "handling carries on, then swaps them in; nothing is lost or counted twice. One rebuild at a "
                    + "time across all instances.")
    @APIResponse(responseCode = "202", description = "Started; Location is where to follow it.",
            headers = @Header(name = "Location", description = "the rebuild, /api/analytics/rebuild/{id}",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                               schema = @Schema(implementation = RebuildView.class)))
    @APIResponse(responseCode = "409", description = "A rebuild is underway; rebuildId and rebuild name it.",
            content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = ProblemMappers.RebuildUnderwayProblem.class),
                    examples = @ExampleObject(name = "underway", value = """
                            {"type": "https://funnel.dev/problems/rebuild-underway", "title": "A rebuild is underway",
                             "status": 409, "detail": "rebuild 9a0c1e7b-3f52-4d8e-b6a1-2c4e5f708192 is underway; follow it at /api/analytics/rebuild/9a0c1e7b-3f52-4d8e-b6a1-2c4e5f708192",
                             "rebuildId": "9a0c1e7b-3f52-4d8e-b6a1-2c4e5f708192",
                             "rebuild": "/api/analytics/rebuild/9a0c1e7b-3f52-4d8e-b6a1-2c4e5f708192"}""")))
    public Response start() {
        Rebuild rebuild = rebuilding.start();
        return Response.accepted(RebuildView.of(rebuild)).location(URI.create(path(rebuild.rebuildId))).build();
    }

    /** The rebuild started last. */
    @GET
    @Operation(summary = "The latest rebuild", description = "The rebuild started last, on any instance.")
    @APIResponse(responseCode = "200", description = "The rebuild.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                               schema = @Schema(implementation = RebuildView.class)))
    @APIResponse(responseCode = "404", ref = OpenApiNames.NOT_FOUND)
    public RebuildView latest() {
        return rebuilds.latest().map(RebuildView::of)
                .orElseThrow(() -> new NotFoundException("No rebuild has been started yet."));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Follow a rebuild")
    @APIResponse(responseCode = "200", description = "The rebuild.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                               schema = @Schema(implementation = RebuildView.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.BAD_PARAMETER)
    @APIResponse(responseCode = "404", ref = OpenApiNames.NOT_FOUND)
    public RebuildView rebuild(@PathParam("id") String id) {
        UUID rebuildId;
        try {
            rebuildId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidParametersException(List.of(new Problem.FieldError("id", "must be a UUID")));
        }
        return rebuilds.find(rebuildId).map(RebuildView::of)
                .orElseThrow(() -> new NotFoundException("No rebuild " + rebuildId + "."));
    }

    static String path(UUID id) {
        return "/api/analytics/rebuild/" + id;
    }
}
