package dev.funnel.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HourlyAwarenessTest {

    private static final UUID SEARCH = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID SOCIAL = UUID.fromString("00000000-0000-4000-8000-000000000002");

    private static AwarenessSignal signal(UUID campaign, AwarenessKind kind, long count, String at) {
        return new AwarenessSignal(campaign, kind, count, Instant.parse(at));
    }

    @Test
    void signalsOfOneCampaignAndHourAddUpPerKind() {
        List<HourlyAwareness.Tally> tallies = HourlyAwareness.sum(List.of(
                signal(SEARCH, AwarenessKind.IMPRESSION, 1000, "2026-03-01T09:00:00Z"),
                signal(SEARCH, AwarenessKind.IMPRESSION, 500, "2026-03-01T09:59:59.999Z"),
                signal(SEARCH, AwarenessKind.CLICK, 40, "2026-03-01T09:30:00Z"),
                signal(SEARCH, AwarenessKind.VISIT, 12, "2026-03-01T09:31:00Z")));

        assertThat(tallies).containsExactly(
                new HourlyAwareness.Tally(SEARCH, Instant.parse("2026-03-01T09:00:00Z"), 1500, 40, 12));
    }

    @Test
    void hoursAndCampaignsAreKeptApartAndNoCountIsLost() {
        List<AwarenessSignal> signals = List.of(
                signal(SEARCH, AwarenessKind.CLICK, 3, "2026-03-01T09:59:59Z"),
                signal(SEARCH, AwarenessKind.CLICK, 5, "2026-03-01T10:00:00Z"),
                signal(SOCIAL, AwarenessKind.CLICK, 7, "2026-03-01T09:15:00Z"),
                signal(SOCIAL, AwarenessKind.VISIT, 0, "2026-03-01T09:16:00Z"));

        List<HourlyAwareness.Tally> tallies = HourlyAwareness.sum(signals);

        assertThat(tallies).containsExactly(
                new HourlyAwareness.Tally(SEARCH, Instant.parse("2026-03-01T09:00:00Z"), 0, 3, 0),
                new HourlyAwareness.Tally(SEARCH, Instant.parse("2026-03-01T10:00:00Z"), 0, 5, 0),
                new HourlyAwareness.Tally(SOCIAL, Instant.parse("2026-03-01T09:00:00Z"), 0, 7, 0));
        assertThat(tallies.stream().mapToLong(HourlyAwareness.Tally::clicks).sum())
                .isEqualTo(signals.stream().mapToLong(AwarenessSignal::count).sum());
    }

    @Test
    void anHourIsItsUtcStart() {
        assertThat(HourlyAwareness.hourOf(Instant.parse("2026-03-01T23:59:59.999999999Z")))
                .isEqualTo(Instant.parse("2026-03-01T23:00:00Z"));
    }

    @Test
    void aSumThatWouldOverflowIsRefusedRatherThanWrapped() {
        List<AwarenessSignal> signals = List.of(
                signal(SEARCH, AwarenessKind.VISIT, Long.MAX_VALUE, "2026-03-01T09:00:00Z"),
                signal(SEARCH, AwarenessKind.VISIT, 1, "2026-03-01T09:00:00Z"));

        assertThatThrownBy(() -> HourlyAwareness.sum(signals)).isInstanceOf(ArithmeticException.class);
    }
}
