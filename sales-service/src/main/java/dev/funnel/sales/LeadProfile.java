package dev.funnel.sales;

import dev.funnel.contracts.Channel;
import dev.funnel.contracts.lead.Timeline;
import java.math.BigDecimal;

/** The facts about a lead that scoring looks at; any of them may be unknown (null). */
public record LeadProfile(String jobTitle, Integer companySize, BigDecimal budget, Timeline timeline, Channel channel,
                          int touches) {
}
