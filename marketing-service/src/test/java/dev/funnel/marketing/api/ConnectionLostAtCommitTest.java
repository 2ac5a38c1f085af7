package dev.funnel.marketing.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.funnel.testing.FunnelInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/**
 * A connection PostgreSQL ends after the transaction's statements ran but before its commit, as a
 * restart does to a request caught in between, is answered 503 saying the outcome is unknown, not 500.
 * Against the real transaction manager and database: the shape of the failure they report at commit
 * (the driver's exception only suppressed, not a cause) is what the classification must see through.
 */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "marketing"))
class ConnectionLostAtCommitTest {

    @Inject
    EntityManager em;

    @Test
    void aConnectionEndedBeforeCommitIsAnswered503WithTheOutcomeUnknown() {
        RuntimeException failure = catchThrowableOfType(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            Object backend = em.createNativeQuery("SELECT pg_backend_pid()").getSingleResult();
            em.createNativeQuery("CREATE TEMPORARY TABLE lost_at_commit (x int)").executeUpdate();
            // from another connection, as the server's shutdown does: this transaction's statements ran, its commit has not
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("SELECT pg_terminate_backend(:pid)")
                    .setParameter("pid", backend).getSingleResult());
        }));

        assertThat(failure).as("the commit failed").isNotNull();
        assertThat(DatabaseUnreachable.explains(failure)).as("the database away: %s", failure).isTrue();
        assertThat(DatabaseUnreachable.atCommit(failure)).as("lost at commit").isTrue();
        Response answer = new ProblemMappers().unexpected(failure);
        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeaderString("Retry-After")).isEqualTo("1");
        assertThat(((Problem) answer.getEntity()).detail()).contains("may or may not have been stored");
    }
}
