package dev.funnel.sales.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.funnel.contracts.Channel;
import dev.funnel.contracts.lead.Timeline;
import dev.funnel.sales.ScoringRuleSet;
import dev.funnel.sales.ScoringRules;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The scoring rules and the qualification threshold (a score at least this high qualifies).
 *
 * @param leadsScored after a change: how many leads waiting at NEW the new rules scored
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScoringView(long version, int threshold, List<ScoringRules.Keyword> seniority,
                          List<ScoringRules.Band> companySize, List<ScoringRules.Band> budget,
                          Map<Timeline, Integer> timeline, Map<Channel, Integer> channel,
                          ScoringRules.Engagement engagement, Instant updatedAt, String updatedBy, Integer leadsScored) {

    static ScoringView of(ScoringRuleSet set, Integer leadsScored) {
        ScoringRules rules = set.rules;
        return new ScoringView(set.version, rules.threshold(), rules.seniority(), rules.companySize(), rules.budget(),
                rules.timeline(), rules.channel(), rules.engagement(), set.updatedAt, set.updatedBy, leadsScored);
    }
}
