package dev.funnel.marketing.api;

import java.util.List;

/** Bad input that Bean Validation cannot express, e.g. a rule across two fields. Answered with 422. */
public class InvalidFieldException extends RuntimeException {

    private final List<Problem.FieldError> errors;

    public InvalidFieldException(String field, String message) {
        this(List.of(new Problem.FieldError(field, message)));
    }

    public InvalidFieldException(List<Problem.FieldError> errors) {
        super(errors.get(0).field() + " " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
