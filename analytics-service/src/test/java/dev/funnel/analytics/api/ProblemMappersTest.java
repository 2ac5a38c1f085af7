package dev.funnel.analytics.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aDatabaseRestartIsAnswered503WithRetryAfterNot500() {
        Response answer = mappers.unexpected(new RuntimeException("JDBC exception executing SQL",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")));

        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeaderString("Retry-After")).isEqualTo("1");
        assertThat(((Problem) answer.getEntity()).detail()).isEqualTo("The database is not reachable just now; retry shortly.");
    }

    @Test
    void anyOtherFailureIsA500ProblemThatGivesNothingAway() {
        Response answer = mappers.unexpected(new IllegalStateException("a bug with internals in its message"));

        assertThat(answer.getStatus()).isEqualTo(500);
        assertThat(((Problem) answer.getEntity()).detail()).doesNotContain("internals");
    }
}
