package dev.funnel.contracts;

import dev.funnel.contracts.campaign.CampaignChanged;
import dev.funnel.contracts.campaign.CampaignLaunched;
import dev.funnel.contracts.campaign.SpendRecorded;
import dev.funnel.contracts.lead.LeadEngaged;
import dev.funnel.contracts.lead.LeadErased;
import dev.funnel.contracts.lead.LeadGenerated;
import java.util.List;
import java.util.Optional;

/** The catalogue of every event type the funnel emits. */
public final class EventTypes {

    public static final EventType<LeadGenerated> LEAD_GENERATED = new EventType<>(
            "dev.funnel.marketing.lead.generated.v1", Topics.MARKETING_LEADS, EventSource.MARKETING,
            LeadGenerated.class, "schemas/lead-generated.v1.json");

    public static final EventType<LeadEngaged> LEAD_ENGAGED = new EventType<>(
            "dev.funnel.marketing.lead.engaged.v1", Topics.MARKETING_LEADS, EventSource.MARKETING,
            LeadEngaged.class, "schemas/lead-engaged.v1.json");

    public static final EventType<LeadErased> LEAD_ERASED = new EventType<>(
            "dev.funnel.marketing.lead.erased.v1", Topics.MARKETING_LEADS, EventSource.MARKETING,
            LeadErased.class, "schemas/lead-erased.v1.json");

    public static final EventType<CampaignLaunched> CAMPAIGN_LAUNCHED = new EventType<>(
            "dev.funnel.marketing.campaign.launched.v1", Topics.MARKETING_CAMPAIGNS, EventSource.MARKETING,
            CampaignLaunched.class, "schemas/campaign-launched.v1.json");

    public static final EventType<CampaignChanged> CAMPAIGN_CHANGED = new EventType<>(
            "dev.funnel.marketing.campaign.changed.v1", Topics.MARKETING_CAMPAIGNS, EventSource.MARKETING,
            CampaignChanged.class, "schemas/campaign-changed.v1.json");

    public static final EventType<SpendRecorded> SPEND_RECORDED = new EventType<>(
            "dev.funnel.marketing.spend.recorded.v1", Topics.MARKETING_CAMPAIGNS, EventSource.MARKETING,
            SpendRecorded.class, "schemas/spend-recorded.v1.json");

    public static final List<EventType<?>> ALL = List.of(LEAD_GENERATED, LEAD_ENGAGED, LEAD_ERASED,
            CAMPAIGN_LAUNCHED, CAMPAIGN_CHANGED, SPEND_RECORDED);

    /** The event type with this CloudEvents {@code type}, if the funnel knows it. */
    public static Optional<EventType<?>> byType(String type) {
        return ALL.stream().filter(t -> t.type().equals(type)).findFirst();
    }

    private EventTypes() {
    }
}
