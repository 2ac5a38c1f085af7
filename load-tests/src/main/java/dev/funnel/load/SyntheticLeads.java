package dev.funnel.load;

import dev.funnel.contracts.Channel;
import dev.funnel.contracts.lead.LeadGenerated;
import dev.funnel.contracts.lead.Timeline;
import dev.funnel.contracts.lead.Utm;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Made-up leads with a realistic spread of the fields sales scores (title, company size, budget,
 * timeline, channel), so a benchmark exercises qualification both ways and not one rule path.
 * Deterministic per run and index: two runs never share an email, one run never repeats one.
 */
final class SyntheticLeads {

    private static final String[] TITLES = {"CEO", "VP Marketing", "Head of Sales", "Director of IT", "Manager",
            "Engineer", "Analyst", "Intern", "Founder", "Consultant"};
    private static final int[] COMPANY_SIZES = {1, 8, 40, 120, 600, 2_500, 12_000};
    private static final Timeline[] TIMELINES = Timeline.values();
    private static final Channel[] CHANNELS = Channel.values();

    private final String run;

    SyntheticLeads(String run) {
        this.run = run;
    }

    LeadGenerated lead(int index, Instant at) {
        UUID id = UUID.nameUUIDFromBytes((run + ":" + index).getBytes(StandardCharsets.UTF_8));
        // a multiplicative hash of the index spreads the choices below evenly and the same way every run
        int pick = (int) Math.floorMod(index * 2_654_435_761L, 9_973L);
        BigDecimal budget = pick % 4 == 0 ? null : BigDecimal.valueOf(1_000L * (pick % 97));
        return new LeadGenerated(
                id,
                "load-" + run + "-" + index + "@example.com",
                "Load", "Lead " + index,
                "Company " + (pick % 5_000),
                TITLES[pick % TITLES.length],
                null,
                "US",
                COMPANY_SIZES[pick % COMPANY_SIZES.length],
                budget,
                budget == null ? null : "USD",
                TIMELINES[pick % TIMELINES.length],
                null,
                CHANNELS[pick % CHANNELS.length],
                new Utm("load", "cpc", "load-" + (pick % 20), null, null),
                pick % 3 != 0,
                Map.of("source", "benchmark"),
                null,
                at);
    }
}
