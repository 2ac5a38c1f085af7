package dev.funnel.analytics.api;

import dev.funnel.analytics.AttributingRevenue;
import dev.funnel.analytics.AttributionModel;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Won deals and revenue per campaign under an attribution model, for the leads created in a window. */
@Path("/api/analytics/attribution")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Attribution")
@RolesAllowed(Roles.ANALYST)
@APIResponse(responseCode = "401", ref = OpenApiNames.UNAUTHENTICATED)
@APIResponse(responseCode = "403", ref = OpenApiNames.FORBIDDEN)
public class AttributionResource {

    /** The answer: the campaigns' credits sum to {@code totalWon} and {@code totalRevenue}. */
    public record AttributionView(String model, Instant from, Instant to, BigDecimal totalRevenue, long totalWon,
                                  List<CreditRow> campaigns) {
    }

    /**
     * One campaign's credit; campaignId null for the deals of leads without a campaign touch.
     *
     * @param won deals credited, fractional under the linear model
     */
    public record CreditRow(UUID campaignId, String name, Channel channel, BigDecimal won, BigDecimal revenue) {
    }

    @Inject
    AttributingRevenue attributing;

    @Inject
    Clock clock;

    @GET
    @Operation(summary = "Attribute won deals and revenue to campaigns",
            description = "Over each won lead's touches (its first campaign and every return): first-touch credits "
                    + "the first, last-touch the last, linear shares equally. Each model's credits sum to totalWon and "
                    + "totalRevenue.")
    @APIResponse(responseCode = "200", description = "The credits per campaign.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                               schema = @Schema(implementation = AttributionView.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.BAD_PARAMETER)
    public AttributionView attribution(@Parameter(description = "the attribution model", required = true,
                                               schema = @Schema(enumeration = {"first-touch", "last-touch", "linear"}))
                                       @QueryParam("model") String model,
                                       @Parameter(ref = OpenApiNames.FROM) @QueryParam("from") String from,
                                       @Parameter(ref = OpenApiNames.TO) @QueryParam("to") String to) {
        AnalyticsParameters parameters = new AnalyticsParameters(clock.instant());
        AttributionModel chosen = parameters.model(model);
        Window window = parameters.window(from, to);
        parameters.check();
        AttributingRevenue.Credits credits = attributing.attribute(chosen, window);
        return new AttributionView(chosen.label(), window.from(), window.to(), credits.totalRevenue(),
                credits.totalWon(), credits.campaigns().stream()
                .map(c -> new CreditRow(c.campaignId(), c.campaign() == null ? null : c.campaign().name,
                        c.campaign() == null ? null : c.campaign().channel, c.share().won(), c.share().revenue()))
                .toList());
    }
}
