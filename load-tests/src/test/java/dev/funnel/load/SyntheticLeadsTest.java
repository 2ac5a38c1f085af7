package dev.funnel.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.contracts.EventCodec;
import dev.funnel.contracts.EventTypes;
import dev.funnel.contracts.lead.LeadGenerated;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SyntheticLeadsTest {

    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void leadsOfOneRunAreDistinctAndSurviveTheCodec() {
        SyntheticLeads leads = new SyntheticLeads("run1");
        List<LeadGenerated> made = IntStream.range(0, 10_000).mapToObj(i -> leads.lead(i, AT)).toList();

        assertThat(made).extracting(LeadGenerated::leadId).doesNotHaveDuplicates();
        assertThat(made).extracting(LeadGenerated::email).doesNotHaveDuplicates();
        assertThat(EventCodec.read(EventCodec.write(made.get(7)), EventTypes.LEAD_GENERATED)).isEqualTo(made.get(7));
    }

    @Test
    void twoRunsNeverShareALeadAndOneRunIsRepeatable() {
        assertThat(new SyntheticLeads("a").lead(1, AT).leadId()).isNotEqualTo(new SyntheticLeads("b").lead(1, AT).leadId());
        assertThat(new SyntheticLeads("a").lead(1, AT)).isEqualTo(new SyntheticLeads("a").lead(1, AT));
    }

    @Test
    void theMixCoversEveryTitleTimelineAndBothBudgetCases() {
        SyntheticLeads leads = new SyntheticLeads("mix");
        List<LeadGenerated> made = IntStream.range(0, 1_000).mapToObj(i -> leads.lead(i, AT)).toList();

        assertThat(made).extracting(LeadGenerated::jobTitle).hasSizeGreaterThan(0).doesNotContainNull()
                .containsAll(List.of("CEO", "Intern", "Engineer"));
        assertThat(made).extracting(LeadGenerated::timeline).doesNotContainNull()
                .containsAll(List.of(dev.funnel.contracts.lead.Timeline.values()));
        assertThat(made).extracting(LeadGenerated::budget).containsNull();
        assertThat(made.stream().filter(l -> l.budget() != null)).isNotEmpty();
    }
}
