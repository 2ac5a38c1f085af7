package dev.funnel.analytics.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.funnel.analytics.FunnelFilter;
import dev.funnel.analytics.Funnel;
import dev.funnel.analytics.FunnelMetric;
import dev.funnel.analytics.Interval;
import dev.funnel.analytics.MeasuringFunnel;
import dev.funnel.analytics.Window;
import dev.funnel.contracts.Channel;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The funnel's figures for dashboards and analysts. Parameters are read as text so that a bad one is answered
 * with a 400 problem naming it, not a bare 404.
 */
@Path("/api/analytics")
@Produces(MediaType.APPLICATION_JSON)
public class FunnelResource {

    /** One campaign's row: what marketing said about it, then every field of its funnel. */
    public record CampaignRow(UUID campaignId, String name, Channel channel, BigDecimal budget,
                              @JsonUnwrapped Funnel funnel) {
    }

    /** One channel's row: the channel, then every field of its funnel. */
    public record ChannelRow(Channel channel, @JsonUnwrapped Funnel funnel) {
    }

    @Inject
    MeasuringFunnel measuring;

    @Inject
    Clock clock;

    /** One funnel over the leads created in {@code [from, to)}, optionally of one campaign or channel. */
    @GET
    @Path("funnel")
    public Funnel funnel(@QueryParam("from") String from, @QueryParam("to") String to,
                         @QueryParam("campaignId") String campaignId, @QueryParam("channel") String channel) {
        AnalyticsParameters parameters = new AnalyticsParameters(clock.instant());
        FunnelFilter filter = parameters.filter(from, to, campaignId, channel);
        parameters.check();
        return measuring.measure(filter);
    }

    /** A funnel row per campaign, named campaigns first, by name. */
    @GET
    @Path("campaigns")
    public List<CampaignRow> campaigns(@QueryParam("from") String from, @QueryParam("to") String to) {
        AnalyticsParameters parameters = new AnalyticsParameters(clock.instant());
        Window window = parameters.window(from, to);
        parameters.check();
        return measuring.perCampaign(window).stream()
                .map(row -> row.campaign() == null
                        ? new CampaignRow(row.campaignId(), null, null, null, row.funnel())
                        : new CampaignRow(row.campaignId(), row.campaign().name, row.campaign().channel,
                                row.campaign().budget, row.funnel()))
                .toList();
    }

    /** A funnel row per channel, every channel. */
    @GET
    @Path("channels")
    public List<ChannelRow> channels(@QueryParam("from") String from, @QueryParam("to") String to) {
        AnalyticsParameters parameters = new AnalyticsParameters(clock.instant());
        Window window = parameters.window(from, to);
        parameters.check();
        return measuring.perChannel(window).entrySet().stream()
                .map(entry -> new ChannelRow(entry.getKey(), entry.getValue()))
                .toList();
    }

    /** One funnel field per day, week (from Monday) or month, in UTC: {@code [{start, value}]}. */
    @GET
    @Path("timeseries")
    public List<MeasuringFunnel.Bucket> timeseries(@QueryParam("metric") String metric,
                                                   @QueryParam("interval") String interval,
                                                   @QueryParam("from") String from, @QueryParam("to") String to) {
        AnalyticsParameters parameters = new AnalyticsParameters(clock.instant());
        FunnelMetric chosen = parameters.metric(metric);
        Interval length = parameters.interval(interval);
        Window window = parameters.window(from, to);
        parameters.check();
        try {
            return measuring.series(window, length, chosen);
        } catch (MeasuringFunnel.TooManyBucketsException e) {
            throw new InvalidParametersException(List.of(new Problem.FieldError("interval",
                    e.getMessage() + ": choose a longer interval or a shorter window")));
        }
    }
}
