package dev.funnel.sales;

import dev.funnel.contracts.pipeline.LossReason;
import dev.funnel.contracts.pipeline.PipelineStage;
import java.math.BigDecimal;

/**
 * A move of a lead to another stage, as a rep or the scoring rules ask for it.
 *
 * @param to       the stage to enter
 * @param amount   the deal's value; required for {@code WON}, refused for any other stage
 * @param currency the amount's currency, the deployment's when absent
 * @param reason   why the deal was lost; required for {@code LOST}, refused for any other stage
 * @param note     what the rep wrote about the move, if anything
 * @param by       who moves it
 */
public record Move(PipelineStage to, BigDecimal amount, String currency, LossReason reason, String note, String by) {

    /** Who moves a lead when the request does not say. */
    public static final String DEFAULT_ACTOR = "sales-api";
    /** Who moves a lead when its score decides. */
    public static final String SCORING = "scoring";

    public static Move to(PipelineStage to, String by) {
        return new Move(to, null, null, null, null, by);
    }
}
