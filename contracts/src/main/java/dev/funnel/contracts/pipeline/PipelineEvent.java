package dev.funnel.contracts.pipeline;

import java.util.UUID;

/**
 * Every event on {@code sales.pipeline}, keyed by lead id. Each move of a lead between stages is
 * exactly one event: {@link LeadQualified} or {@link LeadDisqualified} for qualification (by the
 * scoring rules or a rep's override), {@link DealWon} and {@link DealLost} for the two closing
 * moves, {@link StageChanged} for every other move. Sealed for checked switches.
 */
public sealed interface PipelineEvent
        permits LeadQualified, LeadDisqualified, StageChanged, DealWon, DealLost, FollowUpCompleted {

    /** The lead this event is about; the Kafka key and the CloudEvents subject. */
    UUID leadId();
}
