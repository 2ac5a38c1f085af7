package dev.funnel.sales;

/** Where a lead stands in the sales pipeline. Every lead starts {@code NEW}. */
public enum Stage {
    NEW, QUALIFIED, DISQUALIFIED, CONTACTED, PROPOSAL, NEGOTIATION, WON, LOST
}
