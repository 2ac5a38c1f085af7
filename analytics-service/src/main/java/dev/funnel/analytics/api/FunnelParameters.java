package dev.funnel.analytics.api;

import dev.funnel.analytics.FunnelFilter;
import dev.funnel.contracts.Channel;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads the funnel's query parameters. Every bad one is named at once in a 422, the same status marketing
 * gives a well-formed request with a wrong value. A blank parameter counts as absent, so dashboards may
 * send {@code from=} for "unbounded".
 */
final class FunnelParameters {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    private FunnelParameters() {
    }

    /** @throws InvalidParametersException naming each parameter that is malformed, or {@code to} when not after {@code from} */
    static FunnelFilter filter(String from, String to, String campaignId, String channel) {
        FunnelParameters parameters = new FunnelParameters();
        Instant fromInstant = parameters.parse("from", from, Instant::parse, "must be an ISO-8601 instant, e.g. 2025-01-31T00:00:00Z");
        Instant toInstant = parameters.parse("to", to, Instant::parse, "must be an ISO-8601 instant, e.g. 2025-02-01T00:00:00Z");
        UUID campaign = parameters.parse("campaignId", campaignId, UUID::fromString, "must be a UUID");
        Channel chosen = parameters.parse("channel", channel, Channel::valueOf, "must be one of " + Arrays.toString(Channel.values()));
        if (fromInstant != null && toInstant != null && !toInstant.isAfter(fromInstant)) {
            parameters.errors.add(new Problem.FieldError("to", "must be after from: the window is [from, to)"));
        }
        if (!parameters.errors.isEmpty()) {
            throw new InvalidParametersException(parameters.errors);
        }
        return new FunnelFilter(fromInstant, toInstant, campaign, chosen);
    }

    private <T> T parse(String name, String value, Function<String, T> parser, String message) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        } catch (DateTimeParseException | IllegalArgumentException e) {
            errors.add(new Problem.FieldError(name, message));
            return null;
        }
    }
}
