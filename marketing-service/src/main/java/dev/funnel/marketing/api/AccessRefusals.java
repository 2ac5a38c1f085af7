package dev.funnel.marketing.api;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.util.TreeSet;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A refused caller gets problem+json like every other refusal: 401 with the bearer challenge (RFC 6750) when
 * there is no valid token, 403 naming the roles the operation admits when the token lacks them. Authentication
 * is not proactive (application.properties), so these failures reach JAX-RS.
 */
public class AccessRefusals {

    @Inject
    SecurityIdentity caller;

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED,
                        "This request needs a valid bearer token (Authorization: Bearer <JWT>): none was sent, or it "
                                + "has expired, or this deployment's issuer did not sign it.").toResponse())
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ResourceInfo resource) {
        RolesAllowed admitted = resource.getResourceMethod().getAnnotation(RolesAllowed.class);
        if (admitted == null) {
            admitted = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        String needed = admitted == null ? "another role" : "the role " + String.join(" or ", admitted.value());
        String carried = caller.getRoles().isEmpty() ? "no role" : String.join(", ", new TreeSet<>(caller.getRoles()));
        return Problem.of(Response.Status.FORBIDDEN, "This request needs " + needed + "; the token carries " + carried + ".")
                .toResponse();
    }
}
