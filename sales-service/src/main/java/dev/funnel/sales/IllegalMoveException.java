package dev.funnel.sales;

import dev.funnel.contracts.pipeline.PipelineStage;
import java.util.List;

/** A move the pipeline does not have from the lead's current stage. */
public class IllegalMoveException extends RuntimeException {

    private final PipelineStage current;
    private final List<PipelineStage> allowed;

    public IllegalMoveException(PipelineStage current, PipelineStage to, List<PipelineStage> allowed) {
        super("A lead at " + current + " cannot move to " + to + "; "
                + (allowed.isEmpty() ? current + " is final." : "it may move to " + allowed + "."));
        this.current = current;
        this.allowed = List.copyOf(allowed);
    }

    public PipelineStage current() {
        return current;
    }

    public List<PipelineStage> allowed() {
        return allowed;
    }
}
