package dev.funnel.sales;

/** Something asked for by id that does not exist: a lead, a follow-up, a rep. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
