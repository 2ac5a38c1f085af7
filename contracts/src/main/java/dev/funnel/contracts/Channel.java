package dev.funnel.contracts;

/** Where a campaign reaches people; a lead inherits its campaign's channel. */
public enum Channel {
    SOCIAL, SEARCH, DISPLAY, EMAIL, CONTENT, EVENT, PR, REFERRAL, DIRECT_MAIL, BROADCAST, OTHER
}
