package dev.funnel.analytics.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;

/** Readiness of the lead-events consumer ({@code marketing.leads}); see {@link GroupReadiness}. */
@ApplicationScoped
@Identifier(ConsumerGroupReadiness.NAME)
@Readiness
public class ConsumerGroupReadiness extends GroupReadiness {

    /** Referred to by {@code mp.messaging.incoming.lead-events.consumer-rebalance-listener.name}. */
    public static final String NAME = "lead-events-group";

    public ConsumerGroupReadiness() {
        super("lead-events consumer group");
    }
}
