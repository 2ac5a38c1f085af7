package dev.funnel.marketing;

/** What an awareness signal counts: someone saw an ad, clicked it, or visited the site because of it. */
public enum AwarenessKind {
    IMPRESSION, CLICK, VISIT
}
