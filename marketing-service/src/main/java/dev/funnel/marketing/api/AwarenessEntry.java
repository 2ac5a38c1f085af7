package dev.funnel.marketing.api;

import dev.funnel.marketing.AwarenessKind;
import dev.funnel.marketing.AwarenessSignal;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/** One entry of {@code POST /api/awareness}: how many impressions, clicks or visits a campaign had, and when. */
public record AwarenessEntry(
        @NotNull UUID campaignId,
        @NotNull AwarenessKind kind,
        // bounded so that ten thousand entries can never overflow a sum
        @NotNull @Min(0) @Max(1_000_000_000_000L) Long count,
        @NotNull @PlausibleTime Instant occurredAt) {

    AwarenessSignal toSignal() {
        return new AwarenessSignal(campaignId, kind, count, occurredAt);
    }
}
