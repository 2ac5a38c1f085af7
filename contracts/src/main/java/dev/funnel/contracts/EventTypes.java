package dev.funnel.contracts;

import dev.funnel.contracts.campaign.AwarenessRecorded;
import dev.funnel.contracts.campaign.CampaignChanged;
import dev.funnel.contracts.campaign.CampaignLaunched;
import dev.funnel.contracts.campaign.SpendRecorded;
import dev.funnel.contracts.lead.LeadEngaged;
import dev.funnel.contracts.lead.LeadErased;
import dev.funnel.contracts.lead.LeadGenerated;
import dev.funnel.contracts.pipeline.DealLost;
import dev.funnel.contracts.pipeline.DealWon;
import dev.funnel.contracts.pipeline.FollowUpCompleted;
import dev.funnel.contracts.pipeline.LeadDisqualified;
import dev.funnel.contracts.pipeline.LeadQualified;
import dev.funnel.contracts.pipeline.StageChanged;
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

    public static final EventType<AwarenessRecorded> AWARENESS_RECORDED = new EventType<>(
            "dev.funnel.marketing.awareness.recorded.v1", Topics.MARKETING_CAMPAIGNS, EventSource.MARKETING,
            AwarenessRecorded.class, "schemas/awareness-recorded.v1.json");

    public static final EventType<LeadQualified> LEAD_QUALIFIED = new EventType<>(
            "dev.funnel.sales.lead.qualified.v1", Topics.SALES_PIPELINE, EventSource.SALES,
            LeadQualified.class, "schemas/lead-qualified.v1.json");

    public static final EventType<LeadDisqualified> LEAD_DISQUALIFIED = new EventType<>(
            "dev.funnel.sales.lead.disqualified.v1", Topics.SALES_PIPELINE, EventSource.SALES,
            LeadDisqualified.class, "schemas/lead-disqualified.v1.json");

    public static final EventType<StageChanged> STAGE_CHANGED = new EventType<>(
            "dev.funnel.sales.stage.changed.v1", Topics.SALES_PIPELINE, EventSource.SALES,
            StageChanged.class, "schemas/stage-changed.v1.json");

    public static final EventType<DealWon> DEAL_WON = new EventType<>(
            "dev.funnel.sales.deal.won.v1", Topics.SALES_PIPELINE, EventSource.SALES,
            DealWon.class, "schemas/deal-won.v1.json");

    public static final EventType<DealLost> DEAL_LOST = new EventType<>(
            "dev.funnel.sales.deal.lost.v1", Topics.SALES_PIPELINE, EventSource.SALES,
            DealLost.class, "schemas/deal-lost.v1.json");

    public static final EventType<FollowUpCompleted> FOLLOW_UP_COMPLETED = new EventType<>(
            "dev.funnel.sales.followup.completed.v1", Topics.SALES_PIPELINE, EventSource.SALES,
            FollowUpCompleted.class, "schemas/follow-up-completed.v1.json");

    public static final List<EventType<?>> ALL = List.of(LEAD_GENERATED, LEAD_ENGAGED, LEAD_ERASED,
            CAMPAIGN_LAUNCHED, CAMPAIGN_CHANGED, SPEND_RECORDED, AWARENESS_RECORDED,
            LEAD_QUALIFIED, LEAD_DISQUALIFIED, STAGE_CHANGED, DEAL_WON, DEAL_LOST, FOLLOW_UP_COMPLETED);

    /** The event type with this CloudEvents {@code type}, if the funnel knows it. */
    public static Optional<EventType<?>> byType(String type) {
        return ALL.stream().filter(t -> t.type().equals(type)).findFirst();
    }

    private EventTypes() {
    }
}
