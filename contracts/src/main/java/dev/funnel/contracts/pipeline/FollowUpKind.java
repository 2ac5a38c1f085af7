package dev.funnel.contracts.pipeline;

/** What a follow-up is: how a rep means to reach the lead. */
public enum FollowUpKind {
    CALL, EMAIL, MEETING, CHECK_IN
}
