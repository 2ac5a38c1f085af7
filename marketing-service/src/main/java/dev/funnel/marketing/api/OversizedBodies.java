package dev.funnel.marketing.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body declared larger than {@code quarkus.http.limits.max-body-size} is answered 413 problem+json. Quarkus
 * refuses it too, one route later, but with an empty body; this route comes first and says why. Like
 * Quarkus, it closes an HTTP/1 connection after answering rather than keep it for the next request (an HTTP/2
 * stream just ends: the connection carries other requests, and HTTP/2 has no Connection header).
 */
@ApplicationScoped
public class OversizedBodies {

    /** How long a refused body is read on (and thrown away) at most before the connection is closed. */
    private static final Duration LINGER = Duration.ofSeconds(2);

    /** Before Quarkus' own check of the declared length (order -2). */
    static final int ORDER = -3;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) throws JsonProcessingException {
        long limit = maxBodySize.asLongValue();
        String problem = json.writeValueAsString(new Problem("https://funnel.dev/problems/body-too-large",
                "Body too large", 413, "A request body here holds at most " + limit + " bytes; nothing was stored.",
                null));
        router.route().order(ORDER).handler(context -> {
            if (declaredLength(context) > limit) {
                HttpServerResponse response = context.response().setStatusCode(413)
                        .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE);
                if (context.request().version() == HttpVersion.HTTP_2) {
                    response.end(problem);
                } else {
                    response.putHeader(HttpHeaderNames.CONNECTION, "close").end(problem);
                    closeOnceSent(context);
                }
            } else {
                context.next();
            }
        });
    }

    /**
     * Closes the connection once the client has sent the body it was sending, or {@link #LINGER} after the answer,
     * whichever comes first. Closed at once, with the body still arriving unread, the connection is reset, and a
     * client still writing its body loses the answer before it reads it ("no bytes" instead of the 413).
     */
    private static void closeOnceSent(RoutingContext context) {
        HttpServerRequest request = context.request();
        HttpConnection connection = request.connection();
        long lingering = context.vertx().setTimer(LINGER.toMillis(), late -> connection.close());
        Handler<Object> close = done -> {
            context.vertx().cancelTimer(lingering);
            connection.close();
        };
        request.handler(discarded -> {
        });
        request.endHandler(close::handle);
        request.exceptionHandler(close::handle);
        request.resume();
    }

    /** The Content-Length header's value, or -1 when absent or not a number (Netty refuses those before us). */
    private static long declaredLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
