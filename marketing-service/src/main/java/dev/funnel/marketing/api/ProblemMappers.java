package dev.funnel.marketing.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into {@code application/problem+json}: 4xx naming the field for bad input, never a bare 500. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problem.invalid(errors).toResponse();
    }

    @ServerExceptionMapper
    public Response invalid(InvalidFieldException e) {
        return Problem.invalid(e.errors()).toResponse();
    }

    /**
     * Well-formed JSON with a wrong value (a word for a number, an unknown enum) is 422 naming the field.
     * Declared for this exact type so it wins over the mapper quarkus-rest-jackson registers for it.
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

    @ServerExceptionMapper
    public Response ended(dev.funnel.marketing.Campaigns.CampaignEndedException e) {
        return Problem.of(Response.Status.CONFLICT, e.getMessage()).toResponse();
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
            return databaseAway(e);
        }
        if (ValueOutOfRange.explains(e)) {
            LOG.warnf("answering 422, the database refused a value of the request: %s", e.getMessage());
            return new Problem("https://funnel.dev/problems/invalid-request", "Invalid request", 422,
                    "A value of the request is beyond what can be stored (a time too far from now, a number too "
                            + "large, a NUL character); nothing was stored.", null).toResponse();
        }
        LOG.error("unexpected failure answering a request", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR,
                "Something failed on our side; nothing was stored. Retry with the same Idempotency-Key.").toResponse();
    }

    /** {@code capture.request.utm.campaign} → {@code utm.campaign}: the JSON path, without method and parameter. */
    static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER || node.getName() == null) {
                continue;
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                continue; // map keys and values are named by their property plus the key below
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
            if (node.getKey() != null) {
                field.append('.').append(node.getKey());
            } else if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
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
