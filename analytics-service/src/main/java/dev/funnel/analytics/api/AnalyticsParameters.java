package dev.funnel.analytics.api;

import dev.funnel.analytics.AttributionModel;
import dev.funnel.analytics.FunnelFilter;
import dev.funnel.analytics.FunnelMetric;
import dev.funnel.analytics.Interval;
import dev.funnel.analytics.Window;
import dev.funnel.contracts.Channel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads the analytics query parameters, collecting every bad one so that a single 400 names them all. A blank
 * parameter counts as absent, so dashboards may send {@code from=} for "unbounded". {@code from} and {@code to}
 * take an ISO date (its UTC midnight) or an ISO instant; {@code from} defaults to the epoch, {@code to} to now.
 */
final class AnalyticsParameters {

    private static final String CHANNELS = Arrays.toString(Channel.values());

    private final List<Problem.FieldError> errors = new ArrayList<>();
    private final Instant now;

    AnalyticsParameters(Instant now) {
        this.now = now;
    }

    /** The window {@code [from, to)}; null when a bound is bad (then already named). */
    Window window(String from, String to) {
        Instant start = parse("from", from, AnalyticsParameters::dateOrInstant,
                "must be an ISO date or instant, e.g. 2026-03-01 or 2026-03-01T00:00:00Z");
        Instant end = parse("to", to, AnalyticsParameters::dateOrInstant,
                "must be an ISO date or instant, e.g. 2026-04-01 or 2026-04-01T00:00:00Z");
        if (errors.stream().anyMatch(e -> e.field().equals("from") || e.field().equals("to"))) {
            return null;
        }
        start = start == null ? Instant.EPOCH : start;
        boolean endGiven = end != null;
        end = endGiven ? end : now;
        if (!start.isBefore(end)) {
            errors.add(endGiven
                    ? new Problem.FieldError("to", "must be after from: the window is [from, to)")
                    : new Problem.FieldError("from", "must be before to, which defaults to now"));
            return null;
        }
        return new Window(start, end);
    }

    /** The funnel filter of these parameters; null when one is bad (then already named). */
    FunnelFilter filter(String from, String to, String campaignId, String channel) {
        Window window = window(from, to);
        UUID campaign = parse("campaignId", campaignId, UUID::fromString, "must be a UUID");
        Channel chosen = parse("channel", channel, AnalyticsParameters::channel, "must be one of " + CHANNELS);
        return window == null ? null : new FunnelFilter(window, campaign, chosen);
    }

    FunnelMetric metric(String metric) {
        return required("metric", metric, FunnelMetric::named, "must be one of " + FunnelMetric.names());
    }

    Interval interval(String interval) {
        if (interval == null || interval.isBlank()) {
            return Interval.DAY;
        }
        return required("interval", interval, Interval::named, "must be one of day, week, month");
    }

    AttributionModel model(String model) {
        return required("model", model, AttributionModel::named, "must be one of first-touch, last-touch, linear");
    }

    /** @throws InvalidParametersException naming every bad parameter read so far */
    void check() {
        if (!errors.isEmpty()) {
            throw new InvalidParametersException(errors);
        }
    }

    private <T> T required(String name, String value, Function<String, Optional<T>> lookup, String message) {
        Optional<T> found = value == null || value.isBlank() ? Optional.empty() : lookup.apply(value.strip());
        if (found.isEmpty()) {
            errors.add(new Problem.FieldError(name, message));
        }
        return found.orElse(null);
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

    private static Instant dateOrInstant(String value) {
        return value.contains("T")
                ? Instant.parse(value)
                : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Channel channel(String value) {
        return Channel.valueOf(value.toUpperCase());
    }
}
