package dev.funnel.analytics;

import java.util.Arrays;
import java.util.Optional;

/** How a won deal is shared among the campaigns that touched its lead. */
public enum AttributionModel {
    /** All of it to the first touch. */
    FIRST_TOUCH("first-touch"),
    /** All of it to the last touch. */
    LAST_TOUCH("last-touch"),
    /** An equal share to every touch. */
    LINEAR("linear");

    private final String label;

    AttributionModel(String label) {
        this.label = label;
    }

    /** The model's name in the API. */
    public String label() {
        return label;
    }

    public static Optional<AttributionModel> named(String label) {
        return Arrays.stream(values()).filter(m -> m.label.equals(label)).findFirst();
    }
}
