package dev.funnel.contracts;

import static org.assertj.core.api.Assertions.fail;

import dev.funnel.contracts.campaign.AwarenessRecorded;
import dev.funnel.contracts.campaign.CampaignChanged;
import dev.funnel.contracts.campaign.CampaignLaunched;
import dev.funnel.contracts.campaign.CampaignStatus;
import dev.funnel.contracts.campaign.SpendRecorded;
import dev.funnel.contracts.lead.LeadEngaged;
import dev.funnel.contracts.lead.LeadErased;
import dev.funnel.contracts.lead.LeadGenerated;
import dev.funnel.contracts.lead.Timeline;
import dev.funnel.contracts.lead.Utm;
import dev.funnel.contracts.pipeline.DealLost;
import dev.funnel.contracts.pipeline.DealWon;
import dev.funnel.contracts.pipeline.FollowUpCompleted;
import dev.funnel.contracts.pipeline.FollowUpKind;
import dev.funnel.contracts.pipeline.LeadDisqualified;
import dev.funnel.contracts.pipeline.LeadQualified;
import dev.funnel.contracts.pipeline.LossReason;
import dev.funnel.contracts.pipeline.PipelineStage;
import dev.funnel.contracts.pipeline.StageChanged;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * One full sample (every field filled) and one minimal sample (required fields only) per payload
 * class. A new event type without samples here fails the schema and codec tests by design.
 */
final class Samples {

    static final UUID LEAD_ID = UUID.fromString("6f1c2b8e-3d4a-4c5b-9e7f-0a1b2c3d4e5f");
    static final UUID CAMPAIGN_ID = UUID.fromString("0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f");
    static final UUID SPEND_ID = UUID.fromString("5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a");
    static final UUID AWARENESS_ID = UUID.fromString("3e2d1c0b-9a8f-4e7d-8c6b-5a4f3e2d1c0b");
    static final UUID REP_ID = UUID.fromString("7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d");
    static final UUID FOLLOW_UP_ID = UUID.fromString("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a");
    static final Instant HOUR = Instant.parse("2025-03-14T09:00:00Z");
    static final UUID REFERRER_ID = UUID.fromString("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
    // Nanosecond precision on purpose: the codec must not truncate it.
    static final Instant AT = Instant.parse("2025-03-14T09:26:53.589793238Z");

    static final LocalDate STARTS_ON = LocalDate.parse("2026-03-01");
    static final LocalDate ENDS_ON = LocalDate.parse("2026-05-31");

    static final Utm UTM = new Utm("linkedin", "cpc", "spring-launch-2025", "crm software", "banner-b");

    private static final Map<Class<?>, Object> FULL = Map.ofEntries(
            Map.entry(LeadGenerated.class, new LeadGenerated(
                    LEAD_ID, "ada.lovelace@example.com", "Ada", "Lovelace", "Analytical Engines Ltd",
                    "Head of Engineering", "+44 20 7946 0958", "GB", 250, new BigDecimal("25000.50"), "GBP",
                    Timeline.QUARTER, CAMPAIGN_ID, Channel.SOCIAL, UTM, true,
                    Map.of("form", "pricing-page", "industry", "manufacturing"), REFERRER_ID, AT)),
            Map.entry(LeadEngaged.class, new LeadEngaged(LEAD_ID, CAMPAIGN_ID, Channel.SEARCH, UTM, AT)),
            Map.entry(LeadErased.class, new LeadErased(LEAD_ID, AT)),
            Map.entry(CampaignLaunched.class, new CampaignLaunched(
                    CAMPAIGN_ID, "Spring launch 2026", Channel.SOCIAL, new BigDecimal("12000.00"), "EUR",
                    STARTS_ON, ENDS_ON, CampaignStatus.ACTIVE, AT)),
            Map.entry(CampaignChanged.class, new CampaignChanged(
                    CAMPAIGN_ID, "Spring launch 2026 (extended)", new BigDecimal("15000.00"), "EUR",
                    CampaignStatus.PAUSED, AT)),
            Map.entry(SpendRecorded.class, new SpendRecorded(
                    SPEND_ID, CAMPAIGN_ID, new BigDecimal("349.90"), "EUR", STARTS_ON, AT)),
            Map.entry(AwarenessRecorded.class, new AwarenessRecorded(AWARENESS_ID, CAMPAIGN_ID, HOUR, 120_000L, 3_400L, 900L, AT)),
            Map.entry(LeadQualified.class, new LeadQualified(LEAD_ID, PipelineStage.NEW, 72, 50, REP_ID, "scoring", AT)),
            Map.entry(LeadDisqualified.class, new LeadDisqualified(LEAD_ID, PipelineStage.QUALIFIED, 72, 50, "grace.hopper", AT)),
            Map.entry(StageChanged.class, new StageChanged(LEAD_ID, PipelineStage.CONTACTED, PipelineStage.PROPOSAL, "grace.hopper", "Sent the proposal.", AT)),
            Map.entry(DealWon.class, new DealWon(LEAD_ID, PipelineStage.NEGOTIATION, new BigDecimal("48000.00"), "EUR", "grace.hopper", "Signed for two years.", AT)),
            Map.entry(DealLost.class, new DealLost(LEAD_ID, PipelineStage.PROPOSAL, LossReason.COMPETITOR, "grace.hopper", "Chose a cheaper tool.", AT)),
            Map.entry(FollowUpCompleted.class, new FollowUpCompleted(FOLLOW_UP_ID, LEAD_ID, FollowUpKind.CHECK_IN, REP_ID, HOUR, "Happy so far; asked about seats.", AT)));

    private static final Map<Class<?>, Object> MINIMAL = Map.ofEntries(
            Map.entry(LeadGenerated.class, new LeadGenerated(
                    LEAD_ID, "ada@example.com", null, null, null, null, null, null, null, null, null,
                    null, null, Channel.OTHER, null, null, null, null, AT)),
            Map.entry(LeadEngaged.class, new LeadEngaged(LEAD_ID, null, Channel.OTHER, null, AT)),
            Map.entry(LeadErased.class, new LeadErased(LEAD_ID, AT)),
            Map.entry(CampaignLaunched.class, new CampaignLaunched(
                    CAMPAIGN_ID, "Always-on search", Channel.SEARCH, BigDecimal.ZERO, "EUR",
                    STARTS_ON, null, CampaignStatus.ACTIVE, AT)),
            Map.entry(CampaignChanged.class, new CampaignChanged(
                    CAMPAIGN_ID, "Always-on search", new BigDecimal("5000"), "EUR", CampaignStatus.ENDED, AT)),
            Map.entry(SpendRecorded.class, new SpendRecorded(
                    SPEND_ID, CAMPAIGN_ID, new BigDecimal("0.01"), "EUR", ENDS_ON, AT)),
            Map.entry(AwarenessRecorded.class, new AwarenessRecorded(AWARENESS_ID, CAMPAIGN_ID, HOUR, 0L, 0L, 1L, AT)),
            Map.entry(LeadQualified.class, new LeadQualified(LEAD_ID, PipelineStage.NEW, 50, 50, null, "scoring", AT)),
            Map.entry(LeadDisqualified.class, new LeadDisqualified(LEAD_ID, PipelineStage.NEW, 10, 50, "scoring", AT)),
            Map.entry(StageChanged.class, new StageChanged(LEAD_ID, PipelineStage.QUALIFIED, PipelineStage.CONTACTED, "grace.hopper", null, AT)),
            Map.entry(DealWon.class, new DealWon(LEAD_ID, PipelineStage.NEGOTIATION, new BigDecimal("0.01"), "EUR", "grace.hopper", null, AT)),
            Map.entry(DealLost.class, new DealLost(LEAD_ID, PipelineStage.QUALIFIED, LossReason.OTHER, "grace.hopper", null, AT)),
            Map.entry(FollowUpCompleted.class, new FollowUpCompleted(FOLLOW_UP_ID, LEAD_ID, FollowUpKind.CALL, null, HOUR, "No answer.", AT)));

    /** A payload of this type with every field, nested ones included, filled. */
    static <T> T full(EventType<T> type) {
        return sample(FULL, type, "full");
    }

    /** A payload of this type with only the fields its schema requires. */
    static <T> T minimal(EventType<T> type) {
        return sample(MINIMAL, type, "minimal");
    }

    private static <T> T sample(Map<Class<?>, Object> samples, EventType<T> type, String kind) {
        Object sample = samples.get(type.payload());
        if (sample == null) {
            fail("no %s sample for %s (%s): add one to Samples", kind, type.type(), type.payload().getSimpleName());
        }
        return type.payload().cast(sample);
    }

    private Samples() {
    }
}
