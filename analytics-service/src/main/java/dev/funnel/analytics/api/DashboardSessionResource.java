package dev.funnel.analytics.api;

import dev.funnel.contracts.access.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * How a person signs the dashboard in: the page sends the analyst token they pasted (or that {@code ./funnel up}
 * put in the link) once, in the Authorization header, and gets it back as an HttpOnly cookie, which the browser
 * then sends with every API call and with the event stream (an EventSource cannot set headers). The page's script
 * never keeps the token; SameSite=Strict keeps other sites from using the cookie.
 */
@Path("/api/analytics/session")
@Tag(name = "Dashboard session")
public class DashboardSessionResource {

    /** The cookie's name; {@code mp.jwt.token.cookie} reads the token from it. */
    static final String COOKIE = "funnel_token";

    @Inject
    JsonWebToken token;

    @POST
    @RolesAllowed(Roles.ANALYST)
    @Operation(summary = "Sign the dashboard in",
            description = "Sets the caller's analyst token as an HttpOnly, SameSite=Strict cookie that lives as long "
                    + "as the token, so the dashboard page and its live stream are authorised. For browsers; API "
                    + "callers send the Authorization header instead.")
    @APIResponse(responseCode = "204", description = "Signed in: the cookie is set.")
    @APIResponse(responseCode = "401", ref = OpenApiNames.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = OpenApiNames.FORBIDDEN)
    public Response signIn(@Context UriInfo uri) {
        long seconds = Math.max(0, token.getExpirationTime() - Instant.now().getEpochSecond());
        return Response.noContent().cookie(cookie(token.getRawToken(), (int) Math.min(seconds, Integer.MAX_VALUE), uri))
                .build();
    }

    @DELETE
    @PermitAll
    @Operation(summary = "Sign the dashboard out", description = "Clears the cookie. Open to anyone: it only removes.")
    @APIResponse(responseCode = "204", description = "Signed out: the cookie is cleared.")
    public Response signOut(@Context UriInfo uri) {
        return Response.noContent().cookie(cookie("", 0, uri)).build();
    }

    private static NewCookie cookie(String value, int maxAge, UriInfo uri) {
        return new NewCookie.Builder(COOKIE).value(value).path("/").maxAge(maxAge).httpOnly(true)
                .secure("https".equals(uri.getRequestUri().getScheme()))
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}
