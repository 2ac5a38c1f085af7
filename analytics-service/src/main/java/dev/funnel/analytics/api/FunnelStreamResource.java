package dev.funnel.analytics.api;

import dev.funnel.analytics.Funnel;
import dev.funnel.analytics.MeasuringFunnel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * The funnel as server-sent events: the current figures at once, then again each time they change,
 * at most four times a second. Takes the filters of {@code /api/analytics/funnel}; without {@code to},
 * each update measures up to its own now.
 */
@Path("/api/analytics/stream")
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
    public Multi<Funnel> stream(@QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("campaignId") String campaignId, @QueryParam("channel") String channel) {
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
