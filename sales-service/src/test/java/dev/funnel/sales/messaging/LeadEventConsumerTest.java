package dev.funnel.sales.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class LeadEventConsumerTest {

    @Test
    void dataTheDatabaseRefusesCanNeverPass() {
        assertThat(LeadEventConsumer.refusedAsData(new PersistenceException("insert failed",
                new SQLException("value too long for type character varying(100)", "22001")))).isTrue();
        assertThat(LeadEventConsumer.refusedAsData(new RuntimeException(
                new PersistenceException(new SQLException("duplicate key value", "23505"))))).isTrue();
    }

    @Test
    void aLostConnectionOrAnythingElseIsTriedAgain() {
        assertThat(LeadEventConsumer.refusedAsData(new PersistenceException(
                new SQLTransientConnectionException("Connection refused", "08001")))).isFalse();
        assertThat(LeadEventConsumer.refusedAsData(new PersistenceException(
                new SQLException("terminating connection due to administrator command", "57P01")))).isFalse();
        assertThat(LeadEventConsumer.refusedAsData(new IllegalStateException("no SQL at all"))).isFalse();
        assertThat(LeadEventConsumer.refusedAsData(new PersistenceException(new SQLException("no state")))).isFalse();
    }
}
