package dev.funnel.analytics.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem: what went wrong, and for bad input which parameters.
 *
 * @param errors one entry per offending parameter, absent when no parameter is to blame
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "An RFC 9457 problem (application/problem+json).")
public record Problem(
        @Schema(required = true, description = "a URI naming the kind of problem; about:blank when the status says it all")
        String type,
        @Schema(required = true, description = "the kind of problem, in a few words") String title,
        @Schema(required = true, description = "the HTTP status") int status,
        @Schema(description = "what went wrong this time") String detail,
        @Schema(description = "one entry per offending parameter; absent when none is to blame") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType JSON = MediaType.valueOf(MEDIA_TYPE);

    /** One offending field or query parameter, by its name in the request. */
    @Schema(description = "One offending query parameter and what is wrong with it.")
    public record FieldError(@Schema(required = true, description = "the parameter's name") String field,
                             @Schema(required = true) String message) {
    }

    public static Problem of(Response.Status status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null);
    }

    public static Problem invalid(List<FieldError> errors) {
        return new Problem("https://funnel.dev/problems/invalid-request", "Invalid request", 400,
                "The request has " + errors.size() + " invalid parameter" + (errors.size() == 1 ? "" : "s") + ".", errors);
    }

    public Response toResponse() {
        return Response.status(status).type(JSON).entity(this).build();
    }
}
