package dev.funnel.sales.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.sales.Lead;
import dev.funnel.testing.FunnelInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "sales"))
class HandlerWarmUpTest {

    @Inject
    HandlerWarmUp warmUp;

    @Test
    void theStartUpDryRunRanAndLeftNoLeadBehind() {
        assertThat(warmUp.warm()).as("the dry run completed at start-up").isTrue();
        assertThat((Lead) Lead.findById(HandlerWarmUp.LEAD)).isNull();
        assertThat(Lead.count("email", "warm-up@funnel.invalid")).isZero();
    }
}
