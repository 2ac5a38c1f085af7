package dev.funnel.sales.api;

import dev.funnel.sales.Move;
import dev.funnel.sales.ScoringRuleBook;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The scoring rules and the qualification threshold, for sales managers to read and change. */
@Path("/api/scoring")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ScoringResource {

    @Inject
    ScoringRuleBook ruleBook;

    @GET
    public ScoringView read() {
        return ScoringView.of(ruleBook.current(), null);
    }

    /** Replaces the rules; leads waiting at NEW are scored by them, leads already decided keep their stage. */
    @PUT
    public ScoringView replace(@NotNull @Valid ScoringRequest request) {
        ScoringRuleBook.Changed changed = ruleBook.replace(request.toRules(), request.version(),
                request.by() == null ? Move.DEFAULT_ACTOR : request.by().strip());
        return ScoringView.of(changed.ruleSet(), changed.leadsScored());
    }
}
