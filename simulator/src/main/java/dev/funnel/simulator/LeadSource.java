package dev.funnel.simulator;

/** How a lead names where it came from when it is posted to marketing. */
public sealed interface LeadSource {

    /** A landing-page form that knows its campaign: posted with {@code campaignId}. */
    record CampaignForm(int campaign) implements LeadSource {
    }

    /** A tracked link: posted with {@code utm} naming the campaign by name. */
    record TrackedLink(int campaign) implements LeadSource {
    }

    /** Organic traffic: {@code utm} without a known campaign, so the lead's channel is OTHER. */
    record Organic(String source, String medium) implements LeadSource {
    }
}
