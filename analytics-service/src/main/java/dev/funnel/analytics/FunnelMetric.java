package dev.funnel.analytics;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** One field of the funnel, by its name in the API, for a time series of it. */
public record FunnelMetric(String name, RecordComponent field) {

    /** Every field of {@link Funnel}, in the API's order: the names a time series accepts. */
    public static final List<FunnelMetric> ALL = Arrays.stream(Funnel.class.getRecordComponents())
            .map(component -> new FunnelMetric(component.getName(), component))
            .toList();

    public static Optional<FunnelMetric> named(String name) {
        return ALL.stream().filter(metric -> metric.name.equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(FunnelMetric::name).toList();
    }

    /** This field's value in the funnel: a count, an amount, or null for a ratio without a denominator. */
    public Number valueIn(Funnel funnel) {
        try {
            return (Number) field.getAccessor().invoke(funnel);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + name + " of a funnel", e);
        }
    }
}
