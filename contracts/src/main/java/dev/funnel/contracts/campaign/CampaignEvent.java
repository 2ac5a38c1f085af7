package dev.funnel.contracts.campaign;

import java.util.UUID;

/** Every event on {@code marketing.campaigns}, keyed by campaign id. Sealed for checked switches. */
public sealed interface CampaignEvent permits CampaignLaunched, CampaignChanged, SpendRecorded, AwarenessRecorded {

    /** The campaign this event is about; the Kafka key and the CloudEvents subject. */
    UUID campaignId();
}
