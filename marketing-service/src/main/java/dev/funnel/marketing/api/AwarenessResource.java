package dev.funnel.marketing.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.contracts.access.Roles;
import dev.funnel.marketing.AwarenessRecording;
import dev.funnel.marketing.AwarenessSignal;
import dev.funnel.marketing.Campaign;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Impressions, clicks and visits as ad platforms report them, many per request. Each entry is
 * judged on its own: bad ones are listed with their problems, the good ones are recorded together.
 */
@Path("/api/awareness")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Awareness")
@RolesAllowed(Roles.LEAD_INTAKE)
@APIResponse(responseCode = "401", ref = OpenApiNames.UNAUTHENTICATED)
@APIResponse(responseCode = "403", ref = OpenApiNames.FORBIDDEN)
public class AwarenessResource {

    /** The most entries one request may carry; more is refused with 413 as a whole. */
    public static final int MAX_ENTRIES = 10_000;

    /** How far ahead of this server's clock an entry may be, for clocks that run a little fast. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** One entry that was not recorded, and why. */
    @Schema(description = "An entry that was not recorded: its index in the posted array, and its problem.")
    public record Rejection(int index, Problem problem) {
    }

    /** 202's body: how many entries were recorded, and the ones that were not. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Accepted(int accepted, List<Rejection> rejected) {
    }

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @Inject
    AwarenessRecording recording;

    @Inject
    IdempotentRequests idempotent;

    @Inject
    Clock clock;

    /** 202 with the count of recorded entries; 422 when none is good; 413 past {@value #MAX_ENTRIES}. */
    @POST
    @RateLimited
    @Operation(summary = "Record impressions, clicks and visits",
            description = "Up to 10,000 entries. Each is judged on its own: the good ones are recorded together, "
                    + "summed per campaign and UTC hour into AwarenessRecorded events, and the bad ones are listed in "
                    + "rejected with their problems. When none is good the answer is 422 naming [i].field; "
                    + "occurredAt may be at most 5 minutes ahead of the server's clock.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = AwarenessEntry.class, minItems = 1,
                    maxItems = MAX_ENTRIES),
            examples = @ExampleObject(name = "hourOfAds", summary = "An ad platform's report for one hour", value = """
                    [{"campaignId": "0b6f3a52-8d2e-4c41-9f0e-3f1f7a2c9d10", "kind": "IMPRESSION", "count": 12000,
                      "occurredAt": "2026-03-02T09:00:00Z"},
                     {"campaignId": "0b6f3a52-8d2e-4c41-9f0e-3f1f7a2c9d10", "kind": "CLICK", "count": 340,
                      "occurredAt": "2026-03-02T09:00:00Z"},
                     {"campaignId": "0b6f3a52-8d2e-4c41-9f0e-3f1f7a2c9d10", "kind": "VISIT", "count": 210,
                      "occurredAt": "2026-03-02T09:12:41Z"}]""")))
    @APIResponse(responseCode = "202", description = "Recorded: how many entries, and those that were not.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                               schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.MALFORMED)
    @APIResponse(responseCode = "413", ref = OpenApiNames.TOO_LARGE)
    @APIResponse(responseCode = "422", ref = OpenApiNames.INVALID)
    @APIResponse(responseCode = "429", ref = OpenApiNames.RATE_LIMITED)
    public Response record(@Parameter(ref = OpenApiNames.IDEMPOTENCY_KEY)
                           @HeaderParam("Idempotency-Key") String idempotencyKey,
                           @NotNull(message = "a JSON array of awareness entries is required") List<JsonNode> items) {
        if (items.size() > MAX_ENTRIES) {
            return new Problem("https://funnel.dev/problems/batch-too-large", "Batch too large", 413,
                    "One request holds at most " + MAX_ENTRIES + " awareness entries; this one has " + items.size()
                            + ". Split it.", null).toResponse();
        }
        if (items.isEmpty()) {
            throw new InvalidFieldException("body", "must hold at least one awareness entry");
        }
        List<AwarenessEntry> entries = new ArrayList<>(items.size());
        List<List<Problem.FieldError>> problems = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            List<Problem.FieldError> errors = new ArrayList<>();
            AwarenessEntry entry = BatchItems.read(json, item, AwarenessEntry.class,
                    "each entry must be a JSON object: {campaignId, kind, count, occurredAt}",
                    "is not an awareness entry: ", errors);
            if (entry != null) {
                errors.addAll(check(entry));
            }
            entries.add(errors.isEmpty() ? entry : null);
            problems.add(errors);
        }
        rejectUnknownCampaigns(entries, problems);

        List<AwarenessSignal> signals = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        List<Problem.FieldError> all = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (problems.get(i).isEmpty()) {
                signals.add(entries.get(i).toSignal());
            } else {
                problems.get(i).sort(Comparator.comparing(Problem.FieldError::field));
                rejected.add(new Rejection(i, Problem.invalid(problems.get(i))));
                for (Problem.FieldError error : problems.get(i)) {
                    all.add(new Problem.FieldError("[" + i + "]." + error.field(), error.message()));
                }
            }
        }
        if (signals.isEmpty()) {
            throw new InvalidFieldException(all);
        }
        return idempotent.run(idempotencyKey, items, () -> {
            recording.record(signals);
            return new IdempotentRequests.Answer(202, new Accepted(signals.size(), rejected));
        });
    }

    private List<Problem.FieldError> check(AwarenessEntry entry) {
        List<Problem.FieldError> errors = new ArrayList<>(BatchItems.violations(validator, entry));
        if (entry.occurredAt() != null && entry.occurredAt().isAfter(clock.instant().plus(CLOCK_SKEW))) {
            errors.add(new Problem.FieldError("occurredAt", "must not be in the future"));
        }
        return errors;
    }

    /** One query for every campaign the batch names, not one per entry. */
    private static void rejectUnknownCampaigns(List<AwarenessEntry> entries, List<List<Problem.FieldError>> problems) {
        Set<UUID> named = entries.stream().filter(java.util.Objects::nonNull).map(AwarenessEntry::campaignId)
                .collect(Collectors.toSet());
        if (named.isEmpty()) {
            return;
        }
        Set<UUID> known = new HashSet<>(Campaign.getEntityManager()
                .createQuery("select c.id from Campaign c where c.id in :ids", UUID.class)
                .setParameter("ids", named)
                .getResultList());
        for (int i = 0; i < entries.size(); i++) {
            AwarenessEntry entry = entries.get(i);
            if (entry != null && !known.contains(entry.campaignId())) {
                problems.get(i).add(new Problem.FieldError("campaignId", "no campaign has the id " + entry.campaignId()));
            }
        }
    }
}
