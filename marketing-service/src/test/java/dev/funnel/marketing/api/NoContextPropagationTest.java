package dev.funnel.marketing.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.testing.FunnelInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Mutiny runs each callback as it is, without capturing and restoring thread contexts around it (see the
 * application properties for why and what it saved); the tests of capture, access and tracing prove that
 * nothing needed them.
 */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "marketing"))
class NoContextPropagationTest {

    @Test
    void mutinyLeavesCallbacksUndecorated() {
        Runnable runnable = () -> { };
        Consumer<String> consumer = item -> { };
        assertThat(Infrastructure.decorate(runnable)).isSameAs(runnable);
        assertThat(Infrastructure.decorate(consumer)).isSameAs(consumer);
    }
}
