package dev.funnel.simulator;

import java.math.BigDecimal;
import java.util.List;

/**
 * What becomes of a lead once sales qualifies it, decided when the lead is planned: the moves a rep
 * makes, each some business days after the one before, ending in WON or LOST; and, for some won
 * customers, a referral. A lead that sales disqualifies never plays its deal.
 */
public record Deal(List<Move> moves, Referral referral) {

    public Deal {
        moves = List.copyOf(moves);
    }

    public Move last() {
        return moves.get(moves.size() - 1);
    }

    public boolean won() {
        return last().to().equals("WON");
    }

    /**
     * One move of the pipeline.
     *
     * @param to        the stage moved to (the API's names)
     * @param afterDays business days after the previous move (or after qualification, for the first)
     * @param amount    the deal's amount, for WON only
     * @param reason    the loss reason, for LOST only
     */
    public record Move(String to, double afterDays, BigDecimal amount, String reason) {
    }

    /** A won customer names someone, {@code afterDays} after the win; that person's lead has a deal of its own. */
    public record Referral(double afterDays, Person person, Deal deal) {
    }
}
