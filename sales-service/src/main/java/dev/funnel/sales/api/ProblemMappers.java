package dev.funnel.sales.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.funnel.contracts.pipeline.PipelineStage;
import dev.funnel.sales.ConflictException;
import dev.funnel.sales.IllegalMoveException;
import dev.funnel.sales.InvalidInputException;
import dev.funnel.sales.NotFoundException;
import dev.funnel.sales.Referrals;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hibernate.StaleStateException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure as {@code application/problem+json}: 4xx naming the field or parameter for bad input, never a bare 500. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** A refused move: the problem plus where the lead stands and where it may go from there. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A refused move: an RFC 9457 problem plus where the lead stands and where it may go; both "
            + "absent when the lead was moved by someone else at the same time.")
    public record MoveProblem(@Schema(required = true) String type, @Schema(required = true) String title,
                              @Schema(required = true) int status, String detail, PipelineStage currentStage,
                              List<PipelineStage> allowedStages) {
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problem.invalid(errors).toResponse();
    }

    @ServerExceptionMapper
    public Response invalid(InvalidParameterException e) {
        return new Problem("https://funnel.dev/problems/invalid-request", "Invalid request", 400,
                "The parameter " + e.parameter() + " is invalid.",
                List.of(new Problem.FieldError(e.parameter(), e.getMessage()))).toResponse();
    }

    @ServerExceptionMapper
    public Response invalid(InvalidInputException e) {
        return Problem.invalid(List.of(new Problem.FieldError(e.field(), e.getMessage()))).toResponse();
    }

    @ServerExceptionMapper
    public Response illegalMove(IllegalMoveException e) {
        return Response.status(409).type(Problem.JSON).entity(new MoveProblem(
                "https://funnel.dev/problems/illegal-move", "Illegal move", 409, e.getMessage(), e.current(),
                e.allowed())).build();
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return Problem.of(Response.Status.CONFLICT, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response conflict(OptimisticLockException e) {
        return concurrentChange();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Problem.of(Response.Status.NOT_FOUND, e.getMessage()).toResponse();
    }

    /** Marketing's own problem document, so the caller sees which field of the referred lead it refused. */
    @ServerExceptionMapper
    public Response refused(Referrals.RefusedException e) {
        return Response.status(422).type(Problem.JSON).entity(e.problem()).build();
    }

    /** Our own misconfiguration, not the caller's and not passing: 502, and the log says what to fix. */
    @ServerExceptionMapper
    public Response credentialsRefused(Referrals.CredentialsRefusedException e) {
        LOG.error(e.getMessage());
        return Problem.of(Response.Status.BAD_GATEWAY, e.getMessage()).toResponse();
    }

    /**
     * 503 with Retry-After, like every other "try again shortly": marketing being away is passing, and the
     * caller retrying with the same Idempotency-Key captures the referred lead once.
     */
    @ServerExceptionMapper
    public Response unavailable(Referrals.MarketingUnavailableException e) {
        LOG.warnf("answering 503 to a referral: %s", e.getMessage());
        return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                        e.getMessage() + "; nothing was recorded. Retry shortly with the same Idempotency-Key.")
                .toResponse()).header("Retry-After", "5").build();
    }

    /**
     * Well-formed JSON with a wrong value (a word for a number, an unknown stage or reason) is 422 naming the
     * field. Declared for this exact type so it wins over the mapper quarkus-rest-jackson registers for it.
     */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        if (e.getPath().isEmpty()) {
            return notJson(wholeBody(e));
        }
        return Problem.invalid(List.of(new Problem.FieldError(pathOf(e), describe(e)))).toResponse();
    }

    /** Broken JSON is 400, in the parser's words without the Java types they name. */
    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return notJson(withoutJava(e.getOriginalMessage()));
    }

    private static Response notJson(String why) {
        return Problem.of(Response.Status.BAD_REQUEST, "The body is not valid JSON: " + why).toResponse();
    }

    /** What was wrong with a body of the wrong shape altogether (an object for an array, a number for an object). */
    static String wholeBody(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        boolean many = target != null && (java.util.Collection.class.isAssignableFrom(target) || target.isArray());
        return "the body must be a JSON " + (many ? "array" : "object");
    }

    /**
     * The parser's message without the Java in it: {@code `java.util.ArrayList<...>`} and the like say nothing to a
     * caller and tell an attacker what runs here; the "(1000, from `StreamReadConstraints...`)" of a limit goes too.
     */
    static String withoutJava(String message) {
        if (message == null) {
            return "unreadable";
        }
        return message.replaceAll(",?\\s*from `[^`]*`", "").replaceAll("`[^`]*`", "value").strip();
    }

    /** Also what Quarkus REST throws for a query or path parameter it cannot convert (404 for paths, 400 for queries). */
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
        // a concurrent change found only at commit arrives wrapped in the transaction manager's exceptions
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return concurrentChange();
            }
        }
        if (DatabaseUnreachable.explains(e)) {
            return databaseAway(e);
        }
        if (ValueOutOfRange.explains(e)) {
            LOG.warnf("answering 422, the database refused a value of the request: %s", e.getMessage());
            return new Problem("https://funnel.dev/problems/invalid-request", "Invalid request", 422,
                    "A value of the request is beyond what can be stored (a time too far from now, a number too "
                            + "large, a NUL character); nothing was stored.", null).toResponse();
        }
        LOG.error("unexpected failure answering a request", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "Something failed on our side.").toResponse();
    }

    private static Response concurrentChange() {
        return Problem.of(Response.Status.CONFLICT,
                "It was changed by someone else at the same time; read it again and retry.").toResponse();
    }

    /**
     * The JSON path of the offending value ({@code seniority[0].keyword}, {@code timeline[NOW]}), or the
     * parameter's name for a query parameter ({@code size}); method and body parameter names are left out.
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                if (i == nodes.size() - 1) {
                    field.append(node.getName());
                }
                continue;
            }
            // Hibernate Validator puts a list index or map key on the node after the container
            if (node.isInIterable()) {
                Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                if (at != null) {
                    field.append('[').append(at).append(']');
                }
            }
            if (kind != ElementKind.CONTAINER_ELEMENT && kind != ElementKind.BEAN && node.getName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static String describe(MismatchedInputException e) {
        if (e instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
            return "must be one of " + List.of(format.getTargetType().getEnumConstants());
        }
        String type = e.getTargetType() == null ? "value" : e.getTargetType().getSimpleName();
        return "is not a valid " + type;
    }

    /**
     * The database is away (restarting, say): the same request may be sent again. Nothing was stored,
     * unless the connection was lost while committing: then whether it was is not known, and the answer
     * says so.
     */
    private static Response databaseAway(RuntimeException e) {
        LOG.warnf("answering 503, the database is not reachable: %s", e.getMessage());
        String detail = DatabaseUnreachable.atCommit(e)
                ? "The connection to the database was lost while committing, so the request may or may not have "
                        + "been stored. Retry shortly with the same Idempotency-Key, or read what was stored first."
                : "The database is not reachable just now; nothing was stored. Retry shortly with the same Idempotency-Key.";
        return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE, detail).toResponse())
                .header("Retry-After", "1").build();
    }
}
