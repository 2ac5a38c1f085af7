package dev.funnel.analytics.api;

import java.util.List;

/** Query parameters that cannot be used as given, each named. Answered with 400. */
public class InvalidParametersException extends RuntimeException {

    private final List<Problem.FieldError> errors;

    public InvalidParametersException(List<Problem.FieldError> errors) {
        super(errors.toString());
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
