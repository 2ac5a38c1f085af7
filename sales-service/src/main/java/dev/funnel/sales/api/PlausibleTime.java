package dev.funnel.sales.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A date or instant between the years 1900 and 2999. Java parses years up to a billion, which no column (and
 * no java.sql.Timestamp) holds: such a value would fail deep in the database layer instead of being refused here.
 */
@Constraint(validatedBy = {PlausibleTime.ForInstant.class, PlausibleTime.ForDate.class})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlausibleTime {

    LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    LocalDate LATEST = LocalDate.of(2999, 12, 31);

    String message() default "must be between the years 1900 and 2999";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check itself, also for values that are no field (a query parameter). */
    final class Bounds {

        private Bounds() {
        }

        /** True for null, which {@code @NotNull} judges where it matters. */
        public static boolean plausible(LocalDate date) {
            return date == null || !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
        }

        /** True for null, which {@code @NotNull} judges where it matters. */
        public static boolean plausible(Instant instant) {
            return instant == null || !instant.isBefore(EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant())
                    && instant.isBefore(LATEST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
    }

    class ForInstant implements ConstraintValidator<PlausibleTime, Instant> {
        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return Bounds.plausible(value);
        }
    }

    class ForDate implements ConstraintValidator<PlausibleTime, LocalDate> {
        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return Bounds.plausible(value);
        }
    }
}
