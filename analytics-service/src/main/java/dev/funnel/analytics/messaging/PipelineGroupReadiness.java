package dev.funnel.analytics.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;

/** Readiness of the pipeline-events consumer ({@code sales.pipeline}); see {@link GroupReadiness}. */
@ApplicationScoped
@Identifier(PipelineGroupReadiness.NAME)
@Readiness
public class PipelineGroupReadiness extends GroupReadiness {

    /** Referred to by {@code mp.messaging.incoming.pipeline-events.consumer-rebalance-listener.name}. */
    public static final String NAME = "pipeline-events-group";

    public PipelineGroupReadiness() {
        super("pipeline-events consumer group");
    }
}
