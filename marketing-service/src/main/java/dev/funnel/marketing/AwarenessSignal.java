package dev.funnel.marketing;

import java.time.Instant;
import java.util.UUID;

/** One posted count of impressions, clicks or visits of a campaign at a time, already validated. */
public record AwarenessSignal(UUID campaignId, AwarenessKind kind, long count, Instant occurredAt) {
}
