package dev.funnel.sales.api;

import dev.funnel.sales.Lead;
import dev.funnel.sales.Stage;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

/** The sales view of leads. */
@Path("/api/leads")
@Produces(MediaType.APPLICATION_JSON)
public class LeadResource {

    /** One page of leads, newest first; {@code stage} narrows to one stage. */
    @GET
    public List<LeadView> list(@QueryParam("stage") String stageName,
                               @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                               @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Stage stage = stageName == null ? null : parseStage(stageName);
        var query = stage == null
                ? Lead.<Lead>findAll(Sort.descending("createdAt").and("id"))
                : Lead.<Lead>find("stage = :stage", Sort.descending("createdAt").and("id"), Parameters.with("stage", stage));
        return query.page(Page.of(page, size)).list().stream().map(LeadView::of).toList();
    }

    /** Parsed here rather than by JAX-RS, which answers an unconvertible query parameter with 404. */
    private static Stage parseStage(String name) {
        try {
            return Stage.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("stage", "must be one of " + java.util.Arrays.toString(Stage.values()));
        }
    }

    @GET
    @Path("/{id}")
    public LeadView read(@PathParam("id") UUID id) {
        Lead lead = Lead.findById(id);
        if (lead == null) {
            throw new NotFoundException("No lead with id " + id + ".");
        }
        return LeadView.of(lead);
    }
}
