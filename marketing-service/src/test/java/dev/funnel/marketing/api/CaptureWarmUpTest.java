package dev.funnel.marketing.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.marketing.Lead;
import dev.funnel.testing.FunnelInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "marketing"))
class CaptureWarmUpTest {

    @Inject
    CaptureWarmUp warmUp;

    @Test
    void theStartUpDryRunRanAndLeftNoLeadBehind() {
        assertThat(warmUp.warm()).as("the dry run completed at start-up").isTrue();
        assertThat(Lead.count("email", CaptureWarmUp.EMAIL)).isZero();
    }
}
