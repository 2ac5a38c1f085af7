package dev.funnel.analytics.api;

import dev.funnel.analytics.Funnel;
import dev.funnel.analytics.MeasuringFunnel;
import dev.funnel.contracts.access.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The funnel as server-sent events: the current figures at once, then again each time they change,
 * at most four times a second. Takes the filters of {@code /api/analytics/funnel}; without {@code to},
 * each update measures up to its own now.
 */
@Path("/api/analytics/stream")
@Tag(name = "Funnel")
@RolesAllowed(Roles.ANALYST)
@APIResponse(responseCode = "401", ref = OpenApiNames.UNAUTHENTICATED)
@APIResponse(responseCode = "403", ref = OpenApiNames.FORBIDDEN)
public class FunnelStreamResource {

    @Inject
    MeasuringFunnel measuring;

    @Inject
    FunnelChanges changes;

    @Inject
    Clock clock;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Follow the funnel live",
            description = "Server-sent events: the funnel of /api/analytics/funnel at once, then again each time it "
                    + "changes, at most four times a second. Each event's data is a Funnel as JSON. Without to, each "
                    + "update measures up to its own now.")
    @APIResponse(responseCode = "200", description = "The stream, open until the client leaves.",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING,
                    description = "data: lines, each a Funnel as JSON")))
    @APIResponse(responseCode = "400", ref = OpenApiNames.BAD_PARAMETER)
    public Multi<Funnel> stream(@Parameter(ref = OpenApiNames.FROM) @QueryParam("from") String from,
                                @Parameter(ref = OpenApiNames.TO) @QueryParam("to") String to,
                                @Parameter(ref = OpenApiNames.CAMPAIGN_ID) @QueryParam("campaignId") String campaignId,
                                @Parameter(ref = OpenApiNames.CHANNEL) @QueryParam("channel") String channel) {
        filterOf(from, to, campaignId, channel); // a bad parameter is a 400 now, not a broken stream later
        return changes.signals()
                // a burst of events becomes one update: the latest signal of each quarter second
                .group().intoLists().every(FunnelChanges.throttle())
                .select().where(signals -> !signals.isEmpty())
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(signals -> QuarkusTransaction.requiringNew()
                        .call(() -> measuring.measure(filterOf(from, to, campaignId, channel))))
                .skip().repetitions();
    }

    private dev.funnel.analytics.FunnelFilter filterOf(String from, String to, String campaignId, String channel) {
        AnalyticsParameters parameters = new AnalyticsParameters(clock.instant());
        var filter = parameters.filter(from, to, campaignId, channel);
        parameters.check();
        return filter;
    }
}
