package dev.funnel.marketing.api;

/** Bad input that Bean Validation cannot express, e.g. a rule across two fields. Answered with 422. */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
