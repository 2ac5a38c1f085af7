package dev.funnel.sales;

/** A request that is well-formed but clashes with the current state, e.g. completing a follow-up twice. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
