package dev.funnel.contracts.campaign;

/** Whether a campaign is running. {@code ENDED} is final. */
public enum CampaignStatus {
    ACTIVE, PAUSED, ENDED
}
