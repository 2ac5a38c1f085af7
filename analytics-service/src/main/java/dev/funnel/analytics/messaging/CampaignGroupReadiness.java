package dev.funnel.analytics.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;

/** Readiness of the campaign-events consumer ({@code marketing.campaigns}); see {@link GroupReadiness}. */
@ApplicationScoped
@Identifier(CampaignGroupReadiness.NAME)
@Readiness
public class CampaignGroupReadiness extends GroupReadiness {

    /** Referred to by {@code mp.messaging.incoming.campaign-events.consumer-rebalance-listener.name}. */
    public static final String NAME = "campaign-events-group";

    public CampaignGroupReadiness() {
        super("campaign-events consumer group");
    }
}
