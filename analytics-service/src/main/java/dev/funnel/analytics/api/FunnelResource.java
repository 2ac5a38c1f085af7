package dev.funnel.analytics.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.funnel.analytics.FunnelFilter;
import dev.funnel.analytics.Funnel;
import dev.funnel.analytics.FunnelMetric;
import dev.funnel.analytics.Interval;
import dev.funnel.analytics.MeasuringFunnel;
import dev.funnel.analytics.Window;
import dev.funnel.contracts.Channel;
import dev.funnel.contracts.access.Roles;
import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The funnel's figures for dashboards and analysts. Parameters are read as text so that a bad one is answered
 * with a 400 problem naming it, not a bare 404.
 */
@Path("/api/analytics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Funnel")
@RolesAllowed(Roles.ANALYST)
@APIResponse(responseCode = "401", ref = OpenApiNames.UNAUTHENTICATED)
@APIResponse(responseCode = "403", ref = OpenApiNames.FORBIDDEN)
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
    @Operation(summary = "Measure the funnel",
            description = "Every count, amount and ratio of the funnel over the leads created in [from, to), "
                    + "optionally of one campaign or one channel.")
    @APIResponse(responseCode = "200", description = "The funnel.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Funnel.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.BAD_PARAMETER)
    public Funnel funnel(@Parameter(ref = OpenApiNames.FROM) @QueryParam("from") String from,
                         @Parameter(ref = OpenApiNames.TO) @QueryParam("to") String to,
                         @Parameter(ref = OpenApiNames.CAMPAIGN_ID) @QueryParam("campaignId") String campaignId,
                         @Parameter(ref = OpenApiNames.CHANNEL) @QueryParam("channel") String channel) {
        AnalyticsParameters parameters = new AnalyticsParameters(clock.instant());
        FunnelFilter filter = parameters.filter(from, to, campaignId, channel);
        parameters.check();
        return measuring.measure(filter);
    }

    /** A funnel row per campaign, named campaigns first, by name. */
    @GET
    @Path("campaigns")
    @Operation(summary = "A funnel per campaign",
            description = "A row per campaign with what marketing said about it (name, channel, budget) and its "
                    + "funnel; named campaigns first, by name, then leads without a known campaign.")
    @APIResponse(responseCode = "200", description = "The rows.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = CampaignRow.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.BAD_PARAMETER)
    public List<CampaignRow> campaigns(@Parameter(ref = OpenApiNames.FROM) @QueryParam("from") String from,
                                       @Parameter(ref = OpenApiNames.TO) @QueryParam("to") String to) {
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
    @Operation(summary = "A funnel per channel", description = "A row per channel, all eleven, each with its funnel.")
    @APIResponse(responseCode = "200", description = "The rows.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ChannelRow.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.BAD_PARAMETER)
    public List<ChannelRow> channels(@Parameter(ref = OpenApiNames.FROM) @QueryParam("from") String from,
                                     @Parameter(ref = OpenApiNames.TO) @QueryParam("to") String to) {
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
    @Operation(summary = "One funnel field over time",
            description = "The field per UTC day, week (from Monday) or month of the window, oldest first. Too many "
                    + "buckets for the window is a 400 naming interval.")
    @APIResponse(responseCode = "200", description = "A bucket per interval.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = MeasuringFunnel.Bucket.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.BAD_PARAMETER)
    public List<MeasuringFunnel.Bucket> timeseries(@Parameter(description = "the funnel field", required = true,
                                                           schema = @Schema(enumeration = {"impressions", "clicks",
                                                                   "visits", "leads", "qualified", "contacted",
                                                                   "proposals", "negotiations", "won", "lost",
                                                                   "revenue", "spend", "ctr", "visitToLead",
                                                                   "leadToQualified", "qualifiedToWon", "winRate",
                                                                   "avgDealSize", "avgSalesCycleDays", "costPerLead",
                                                                   "cac", "roas", "roi"}))
                                                   @QueryParam("metric") String metric,
                                                   @Parameter(description = "the bucket length; day when absent",
                                                           schema = @Schema(enumeration = {"day", "week", "month"}))
                                                   @QueryParam("interval") String interval,
                                                   @Parameter(ref = OpenApiNames.FROM) @QueryParam("from") String from,
                                                   @Parameter(ref = OpenApiNames.TO) @QueryParam("to") String to) {
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
