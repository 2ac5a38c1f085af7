package dev.funnel.marketing.api;

import dev.funnel.marketing.config.MarketingConfig;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.time.Duration;

/**
 * Answers 429 with Retry-After to a caller past its rate on the intake endpoints ({@link RateLimited}). It runs
 * after authentication and before the body is read, so a refused request costs neither parsing nor storing.
 * The caller is the token's subject; a request without one (only where authentication is switched off) is
 * counted by its remote address.
 */
@Provider
@RateLimited
@Priority(Priorities.USER)
public class IntakeThrottle implements ContainerRequestFilter {

    /** How long a caller's full bucket is kept; its memory is given back after that. */
    static final Duration IDLE_AFTER = Duration.ofMinutes(1);

    @Inject
    CallerRateLimit limit;

    @Inject
    HttpServerRequest http;

    /** The callers' buckets, made on first use: JAX-RS builds the filter itself before the runtime config is read. */
    @Dependent
    static class Buckets {

        @Produces
        @ApplicationScoped
        CallerRateLimit intake(MarketingConfig config) {
            return new CallerRateLimit(config.intakeLimit().perSecond(), config.intakeLimit().burst(),
                    IDLE_AFTER.toNanos(), System::nanoTime);
        }
    }

    @Override
    public void filter(ContainerRequestContext request) {
        long wait = limit.take(caller(request));
        if (wait > 0) {
            long seconds = CallerRateLimit.retryAfterSeconds(wait);
            request.abortWith(Response.fromResponse(new Problem("https://funnel.dev/problems/rate-limited",
                            "Too many requests", 429, "This caller sent more requests than its rate allows; nothing "
                            + "was stored. Retry after " + seconds + " s.", null).toResponse())
                    .header("Retry-After", Long.toString(seconds)).build());
        }
    }

    private String caller(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext().getUserPrincipal();
        if (principal != null && !principal.getName().isEmpty()) {
            return principal.getName();
        }
        SocketAddress remote = http.remoteAddress();
        return remote == null ? "anonymous" : "address:" + remote.hostAddress();
    }
}
