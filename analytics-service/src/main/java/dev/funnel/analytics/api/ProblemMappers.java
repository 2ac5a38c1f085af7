package dev.funnel.analytics.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.funnel.analytics.rebuild.RebuildUnderwayException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into {@code application/problem+json}: 400 naming the parameter for bad input, never a bare 500. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalid(InvalidParametersException e) {
        return Problem.invalid(e.errors()).toResponse();
    }

    /** The problem of a second rebuild asked for while one is underway, naming that one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "An RFC 9457 problem naming the rebuild underway: its id, and where to follow it.")
    public record RebuildUnderwayProblem(@Schema(required = true) String type, @Schema(required = true) String title,
                                         @Schema(required = true) int status, String detail, UUID rebuildId,
                                         String rebuild) {
    }

    @ServerExceptionMapper
    public Response rebuildUnderway(RebuildUnderwayException e) {
        UUID id = e.underway();
        return Response.status(Response.Status.CONFLICT).type(Problem.JSON).entity(new RebuildUnderwayProblem(
                "https://funnel.dev/problems/rebuild-underway", "A rebuild is underway", 409, e.getMessage(), id,
                id == null ? null : RebuildResource.path(id))).build();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
        if (status == null) {
            status = Response.Status.INTERNAL_SERVER_ERROR;
        }
        return Problem.of(status, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (DatabaseUnreachable.explains(e)) {
            // a restart or failover: the figures are back in a moment, and a dashboard should say so, not fail
            LOG.warnf("answering 503, the database is not reachable: %s", e.getMessage());
            return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                    "The database is not reachable just now; retry shortly.").toResponse()).header("Retry-After", "1").build();
        }
        LOG.error("unexpected failure answering a request", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "Something failed on our side; retry later.").toResponse();
    }
}
