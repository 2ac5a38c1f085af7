package dev.funnel.analytics;

import dev.funnel.contracts.Channel;
import dev.funnel.contracts.CloudEvent;
import dev.funnel.contracts.EventCodec;
import dev.funnel.contracts.EventType;
import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.campaign.AwarenessRecorded;
import dev.funnel.contracts.campaign.CampaignLaunched;
import dev.funnel.contracts.campaign.CampaignStatus;
import dev.funnel.contracts.campaign.SpendRecorded;
import dev.funnel.contracts.lead.LeadEngaged;
import dev.funnel.contracts.lead.LeadErased;
import dev.funnel.contracts.pipeline.DealLost;
import dev.funnel.contracts.pipeline.DealWon;
import dev.funnel.contracts.pipeline.FollowUpCompleted;
import dev.funnel.contracts.pipeline.FollowUpKind;
import dev.funnel.contracts.pipeline.LeadDisqualified;
import dev.funnel.contracts.pipeline.LeadQualified;
import dev.funnel.contracts.pipeline.LossReason;
import dev.funnel.contracts.pipeline.PipelineStage;
import dev.funnel.contracts.pipeline.StageChanged;
import dev.funnel.testing.EventProducer;
import dev.funnel.testing.FunnelInfrastructure;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Events of all three topics as marketing and sales publish them, built from the contracts' records. */
public final class FunnelEvents {

    /** One event, its envelope fixed, so that publishing it again is a redelivery of the same event. */
    public record Event(CloudEvent envelope, String topic, String json) {
    }

    private FunnelEvents() {
    }

    public static <T> Event event(EventType<T> type, UUID subject, T payload, Instant at) {
        return new Event(CloudEvent.of(type, subject, at), type.topic(), EventCodec.write(payload));
    }

    /** Publishes the events in the order given, each as it is (the same id every time). */
    public static void publish(List<Event> events) {
        try (EventProducer producer = new EventProducer(FunnelInfrastructure.bootstrapServers())) {
            for (Event event : events) {
                producer.publish(event.envelope(), event.topic(), event.json());
            }
        }
    }

    public static void publish(Event... events) {
        publish(List.of(events));
    }

    public static Event launched(UUID campaign, String name, Channel channel, String budget, Instant at) {
        return event(EventTypes.CAMPAIGN_LAUNCHED, campaign, new CampaignLaunched(campaign, name, channel,
                new BigDecimal(budget), "USD", LocalDate.ofInstant(at, ZoneOffset.UTC), null, CampaignStatus.ACTIVE, at), at);
    }

    public static Event spent(UUID campaign, String amount, Instant day) {
        return event(EventTypes.SPEND_RECORDED, campaign, new SpendRecorded(UUID.randomUUID(), campaign,
                new BigDecimal(amount), "USD", LocalDate.ofInstant(day, ZoneOffset.UTC), day), day);
    }

    public static Event aware(UUID campaign, Instant hour, long impressions, long clicks, long visits) {
        UUID id = UUID.randomUUID();
        AwarenessRecorded payload = new AwarenessRecorded(id, campaign, hour, impressions, clicks, visits, hour);
        // the report's id is its event id
        return new Event(new CloudEvent(id, EventTypes.AWARENESS_RECORDED.type(), EventTypes.AWARENESS_RECORDED.source(),
                campaign.toString(), hour), EventTypes.AWARENESS_RECORDED.topic(), EventCodec.write(payload));
    }

    public static Event generated(UUID lead, UUID campaign, Channel channel, Instant at) {
        return event(EventTypes.LEAD_GENERATED, lead, MarketingLeads.generated(lead, campaign, channel, at), at);
    }

    public static Event engaged(UUID lead, UUID campaign, Channel channel, Instant at) {
        return event(EventTypes.LEAD_ENGAGED, lead, new LeadEngaged(lead, campaign, channel, null, at), at);
    }

    public static Event qualified(UUID lead, Instant at) {
        return event(EventTypes.LEAD_QUALIFIED, lead, new LeadQualified(lead, PipelineStage.NEW, 70, 50, null, "scoring", at), at);
    }

    public static Event disqualified(UUID lead, PipelineStage from, Instant at) {
        return event(EventTypes.LEAD_DISQUALIFIED, lead, new LeadDisqualified(lead, from, 20, 50, "rep", at), at);
    }

    public static Event moved(UUID lead, PipelineStage from, PipelineStage to, Instant at) {
        return event(EventTypes.STAGE_CHANGED, lead, new StageChanged(lead, from, to, "rep", null, at), at);
    }

    public static Event won(UUID lead, String amount, Instant at) {
        return event(EventTypes.DEAL_WON, lead, new DealWon(lead, PipelineStage.NEGOTIATION, new BigDecimal(amount),
                "USD", "rep", null, at), at);
    }

    public static Event followedUp(UUID lead, Instant at) {
        return event(EventTypes.FOLLOW_UP_COMPLETED, lead, new FollowUpCompleted(UUID.randomUUID(), lead,
                FollowUpKind.CALL, null, at, "left a message", at), at);
    }

    public static Event erased(UUID lead, Instant at) {
        return event(EventTypes.LEAD_ERASED, lead, new LeadErased(lead, at), at);
    }

    public static Event lost(UUID lead, PipelineStage from, Instant at) {
        return event(EventTypes.DEAL_LOST, lead, new DealLost(lead, from, LossReason.PRICE, "rep", null, at), at);
    }
}
