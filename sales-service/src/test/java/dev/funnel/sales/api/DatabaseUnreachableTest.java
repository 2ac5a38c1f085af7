package dev.funnel.sales.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class DatabaseUnreachableTest {

    @Test
    void aConnectionTerminatedByARestartingServerIsTheDatabaseBeingAway() {
        // what PostgreSQL sends to open sessions when it is stopped: FATAL 57P01, wrapped by Hibernate
        RuntimeException failure = new RuntimeException("JDBC exception executing SQL",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"));

        assertThat(DatabaseUnreachable.explains(failure)).isTrue();
    }

    @Test
    void anIoErrorOnTheConnectionIsTheDatabaseBeingAway() {
        RuntimeException failure = new RuntimeException(
                new SQLException("An I/O error occurred while sending to the backend.", "08006"));

        assertThat(DatabaseUnreachable.explains(failure)).isTrue();
    }

    @Test
    void noConnectionFromThePoolInTimeIsTheDatabaseBeingAway() {
        RuntimeException failure = new RuntimeException(
                new SQLException("Acquisition timeout while waiting for new connection", new TimeoutException()));

        assertThat(DatabaseUnreachable.explains(failure)).isTrue();
    }

    @Test
    void aBrokenConstraintIsNotTheDatabaseBeingAway() {
        RuntimeException failure = new RuntimeException(
                new SQLException("duplicate key value violates unique constraint", "23505"));

        assertThat(DatabaseUnreachable.explains(failure)).isFalse();
        assertThat(DatabaseUnreachable.explains(new IllegalStateException("a bug"))).isFalse();
    }
}
