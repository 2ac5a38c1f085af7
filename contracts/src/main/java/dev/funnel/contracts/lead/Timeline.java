package dev.funnel.contracts.lead;

/** When the lead means to buy, as they told us. */
public enum Timeline {
    NOW, QUARTER, YEAR, UNKNOWN
}
