package dev.funnel.contracts.pipeline;

/**
 * Where a lead stands in the sales pipeline. {@code NEW} until scored; {@code DISQUALIFIED},
 * {@code WON} and {@code LOST} are where leads leave it (a rep may still re-qualify a
 * disqualified lead).
 */
public enum PipelineStage {
    NEW, QUALIFIED, DISQUALIFIED, CONTACTED, PROPOSAL, NEGOTIATION, WON, LOST
}
