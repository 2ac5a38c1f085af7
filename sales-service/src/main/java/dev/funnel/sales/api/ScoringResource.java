package dev.funnel.sales.api;

import dev.funnel.contracts.access.Roles;
import dev.funnel.sales.Move;
import dev.funnel.sales.ScoringRuleBook;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The scoring rules and the qualification threshold, for sales managers to read and change. */
@Path("/api/scoring")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Scoring")
@APIResponse(responseCode = "401", ref = OpenApiNames.UNAUTHENTICATED)
@APIResponse(responseCode = "403", ref = OpenApiNames.FORBIDDEN)
public class ScoringResource {

    @Inject
    ScoringRuleBook ruleBook;

    @RolesAllowed({Roles.SALES, Roles.ADMIN})
    @GET
    @Operation(summary = "Read the scoring rules",
            description = "The rules and the threshold: a score at least this high qualifies.")
    @APIResponse(responseCode = "200", description = "The rules in force.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                               schema = @Schema(implementation = ScoringView.class)))
    public ScoringView read() {
        return ScoringView.of(ruleBook.current(), null);
    }

    /** Replaces the rules; leads waiting at NEW are scored by them, leads already decided keep their stage. */
    @RolesAllowed(Roles.ADMIN)
    @PUT
    @Operation(summary = "Replace the scoring rules",
            description = "The whole rule set, as read. Leads still at NEW are scored again (leadsScored says how "
                    + "many); leads already decided keep their stage. With version, the change is refused (409) when "
                    + "the rules changed since that version was read.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "rules", summary = "Seniority, size, budget, timeline, channel and engagement", value = """
                    {"version": 3, "threshold": 50,
                     "seniority": [{"keyword": "head", "points": 20}, {"keyword": "director", "points": 25}],
                     "companySize": [{"atLeast": 50, "points": 10}, {"atLeast": 500, "points": 20}],
                     "budget": [{"atLeast": 10000, "points": 15}],
                     "timeline": {"NOW": 20, "QUARTER": 10, "YEAR": 0, "UNKNOWN": -5},
                     "channel": {"REFERRAL": 15, "EVENT": 10},
                     "engagement": {"pointsPerTouch": 5, "maxPoints": 20},
                     "by": "sales-manager"}""")))
    @APIResponse(responseCode = "200", description = "Replaced; the rules now in force.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                               schema = @Schema(implementation = ScoringView.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.MALFORMED)
    @APIResponse(responseCode = "409", ref = OpenApiNames.CONFLICT)
    @APIResponse(responseCode = "422", ref = OpenApiNames.INVALID)
    public ScoringView replace(@NotNull @Valid ScoringRequest request) {
        ScoringRuleBook.Changed changed = ruleBook.replace(request.toRules(), request.version(),
                request.by() == null ? Move.DEFAULT_ACTOR : request.by().strip());
        return ScoringView.of(changed.ruleSet(), changed.leadsScored());
    }
}
