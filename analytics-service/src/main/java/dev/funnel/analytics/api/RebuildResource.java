package dev.funnel.analytics.api;

import dev.funnel.analytics.rebuild.Rebuild;
import dev.funnel.analytics.rebuild.RebuildState;
import dev.funnel.analytics.rebuild.Rebuilding;
import dev.funnel.analytics.rebuild.Rebuilds;
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

/**
 * Rebuilds analytics from the topics (replay from offset 0 into fresh tables, swapped in at the end), and tells
 * how a rebuild is getting on. Any instance answers for a rebuild any other one runs.
 */
@Path("/api/analytics/rebuild")
@Produces(MediaType.APPLICATION_JSON)
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
    public Response start() {
        Rebuild rebuild = rebuilding.start();
        return Response.accepted(RebuildView.of(rebuild)).location(URI.create(path(rebuild.rebuildId))).build();
    }

    /** The rebuild started last. */
    @GET
    public RebuildView latest() {
        return rebuilds.latest().map(RebuildView::of)
                .orElseThrow(() -> new NotFoundException("No rebuild has been started yet."));
    }

    @GET
    @Path("{id}")
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
