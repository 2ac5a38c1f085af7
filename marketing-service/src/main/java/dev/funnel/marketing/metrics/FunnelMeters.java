package dev.funnel.marketing.metrics;

import dev.funnel.contracts.Channel;
import dev.funnel.contracts.campaign.AwarenessRecorded;
import dev.funnel.contracts.campaign.SpendRecorded;
import dev.funnel.contracts.lead.LeadEngaged;
import dev.funnel.contracts.lead.LeadErased;
import dev.funnel.contracts.lead.LeadGenerated;
import dev.funnel.marketing.config.MarketingConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;

/**
 * Marketing's part of the funnel as Prometheus counters: leads captured by outcome, touches by channel,
 * erasures, awareness and spend. Every series exists from start-up, at 0, so a rate over it is never missing.
 * Counted from the events a transaction committed ({@link #committed}), never from a transaction that may
 * still roll back; rejections, which commit nothing, where the answer is given.
 */
@ApplicationScoped
public class FunnelMeters {

    private final Counter created;
    private final Counter duplicate;
    private final Counter rejected;
    private final Map<Channel, Counter> touches = new EnumMap<>(Channel.class);
    private final Counter erased;
    private final Counter impressions;
    private final Counter clicks;
    private final Counter visits;
    private final Counter spend;

    @Inject
    FunnelMeters(MeterRegistry registry, MarketingConfig config) {
        created = captured(registry, "created");
        duplicate = captured(registry, "duplicate");
        rejected = captured(registry, "rejected");
        for (Channel channel : Channel.values()) {
            touches.put(channel, Counter.builder("funnel.lead.touches")
                    .description("Captures accepted, new leads and returns of known ones, by the channel they came through")
                    .tag("channel", channel.name())
                    .register(registry));
        }
        erased = Counter.builder("funnel.leads.erased")
                .description("Leads whose personal data was erased at the person's request")
                .register(registry);
        impressions = awareness(registry, "impression");
        clicks = awareness(registry, "click");
        visits = awareness(registry, "visit");
        spend = Counter.builder("funnel.spend.recorded")
                .description("Campaign spend recorded, in the deployment's currency")
                .tag("currency", config.currency())
                .register(registry);
    }

    /** Counts one event of a committed transaction; events that are no funnel figure are left out. */
    public void committed(Object event) {
        switch (event) {
            case LeadGenerated generated -> {
                created.increment();
                touch(generated.channel());
            }
            case LeadEngaged engaged -> {
                duplicate.increment();
                touch(engaged.channel());
            }
            case LeadErased ignored -> erased.increment();
            case AwarenessRecorded awareness -> {
                impressions.increment(awareness.impressions());
                clicks.increment(awareness.clicks());
                visits.increment(awareness.visits());
            }
            case SpendRecorded recorded -> spend.increment(recorded.amount().doubleValue());
            default -> {
                // campaign launches and changes are no flow to count
            }
        }
    }

    /** Counts a posted lead refused as invalid. */
    public void rejected(int leads) {
        rejected.increment(leads);
    }

    private void touch(Channel channel) {
        touches.get(channel == null ? Channel.OTHER : channel).increment();
    }

    private static Counter captured(MeterRegistry registry, String outcome) {
        return Counter.builder("funnel.leads.captured")
                .description("Leads posted, by outcome: created (a new lead), duplicate (a known email: a touch), rejected")
                .tag("outcome", outcome)
                .register(registry);
    }

    private static Counter awareness(MeterRegistry registry, String kind) {
        return Counter.builder("funnel.awareness")
                .description("Awareness signals recorded: impressions, clicks and visits")
                .tag("kind", kind)
                .register(registry);
    }
}
