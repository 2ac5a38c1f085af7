package dev.funnel.sales;

/** A move that lacks what its target stage needs (an amount for WON, a reason for LOST), or carries what it must not. */
public class InvalidMoveException extends InvalidInputException {

    public InvalidMoveException(String field, String message) {
        super(field, message);
    }
}
