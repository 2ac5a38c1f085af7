package dev.funnel.marketing.api;

import dev.funnel.marketing.Captured;
import dev.funnel.marketing.Lead;
import dev.funnel.marketing.LeadCapture;
import dev.funnel.marketing.LeadErasure;
import dev.funnel.marketing.config.MarketingConfig;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/** Lead capture for web forms, ad platforms and other systems. */
@Path("/api/leads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LeadResource {

    /** The answer to a capture: the lead's id, and whether it was new ({@code created}) or known ({@code duplicate}). */
    public record CaptureResult(UUID id, String outcome) {
        static CaptureResult of(Captured captured) {
            return new CaptureResult(captured.id(), captured.outcomeName());
        }

        /** The whole answer: 201 for a new lead, 200 for a touch on a known one. */
        static IdempotentRequests.Answer answer(Captured captured) {
            return new IdempotentRequests.Answer(captured.created() ? 201 : 200, of(captured));
        }
    }

    @Inject
    LeadCapture capture;

    @Inject
    GroupedCapture grouped;

    @Inject
    LeadErasure erasure;

    @Inject
    IdempotentRequests idempotent;

    @Inject
    LeadRequestRules rules;

    @Inject
    MarketingConfig config;

    /**
     * 201 with the new lead's id; 200 with the existing id when the email is known (a new touch).
     * Non-blocking on purpose: the body is then read and parsed on the I/O thread as it arrives, and
     * only the database work occupies another thread. A blocking method would read the body on the worker
     * through a stream handed over chunk by chunk, which cost a fifth of the CPU under load.
     * Without an Idempotency-Key the lead joins the leads posted at the same moment in one transaction
     * ({@link GroupedCapture}); with one, the key is claimed in the lead's own transaction.
     */
    @POST
    @NonBlocking
    public Uni<Response> capture(@HeaderParam("Idempotency-Key") String idempotencyKey,
                                 @NotNull(message = "a JSON body is required") @Valid LeadRequest request) {
        if (idempotencyKey == null) {
            return Uni.createFrom().completionStage(() -> grouped.capture(request));
        }
        return VertxContextSupport.executeBlocking(() -> {
            List<Problem.FieldError> broken = rules.check(request);
            if (!broken.isEmpty()) {
                throw new InvalidFieldException(broken);
            }
            return idempotent.run(idempotencyKey, request,
                    () -> CaptureResult.answer(capture.capture(request.toNewLead(config.currency()))));
        });
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

    /** 204 once the lead's personal data is gone (also when it already was); 404 for an unknown lead. */
    @DELETE
    @Path("/{id}")
    public Response erase(@PathParam("id") UUID id) {
        if (erasure.erase(id) == LeadErasure.Outcome.UNKNOWN_LEAD) {
            throw new NotFoundException("No lead with id " + id + ".");
        }
        return Response.noContent().build();
    }
}
