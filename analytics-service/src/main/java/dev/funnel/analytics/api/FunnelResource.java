package dev.funnel.analytics.api;

import dev.funnel.analytics.Funnel;
import dev.funnel.analytics.MeasuringFunnel;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The funnel's figures for dashboards and analysts. */
@Path("/api/analytics/funnel")
@Produces(MediaType.APPLICATION_JSON)
public class FunnelResource {

    @Inject
    MeasuringFunnel measuring;

    /**
     * One funnel over the leads created in {@code [from, to)}, optionally of one campaign or channel.
     * Parameters are read as text so that a bad one is answered with a problem naming it, not a bare 404.
     */
    @GET
    public Funnel funnel(@QueryParam("from") String from, @QueryParam("to") String to,
                         @QueryParam("campaignId") String campaignId, @QueryParam("channel") String channel) {
        return measuring.measure(FunnelParameters.filter(from, to, campaignId, channel));
    }
}
