package dev.funnel.contracts.pipeline;

/** Why a deal was lost. */
public enum LossReason {
    PRICE, COMPETITOR, NO_BUDGET, NO_DECISION, TIMING, OTHER
}
