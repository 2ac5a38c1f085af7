package dev.funnel.analytics.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.analytics.LeadFact;
import dev.funnel.testing.FunnelInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class HandlerWarmUpTest {

    @Inject
    HandlerWarmUp warmUp;

    @Test
    void theStartUpDryRunRanAndLeftNoLeadFactBehind() {
        assertThat(warmUp.warm()).as("the dry run completed at start-up").isTrue();
        assertThat((LeadFact) LeadFact.findById(HandlerWarmUp.LEAD)).isNull();
    }
}
