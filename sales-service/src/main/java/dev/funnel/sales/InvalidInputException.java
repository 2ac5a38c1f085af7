package dev.funnel.sales;

/** Input that breaks a rule Bean Validation cannot express; answered with 422 naming the field. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The offending field. */
    public String field() {
        return field;
    }
}
