package dev.funnel.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A service's {@code outbox_event} table seen from outside, on its own connections: how many events wait
 * in it, how many pages it takes on disk, and a vacuum of it as the relay asks for one (outside any
 * transaction, which VACUUM cannot run in).
 */
public final class OutboxTable {

    private final DataSource database;

    public OutboxTable(DataSource database) {
        this.database = database;
    }

    /** Events not yet published (and deleted) by the relay. */
    public long rows() throws SQLException {
        return number("SELECT count(*) FROM outbox_event");
    }

    /** The table's size on disk, in pages. */
    public long pages() throws SQLException {
        return number("SELECT pg_relation_size('outbox_event') / current_setting('block_size')::int");
    }

    public void vacuum() throws SQLException {
        try (Connection connection = database.getConnection(); Statement vacuum = connection.createStatement()) {
            connection.setAutoCommit(true);
            vacuum.execute("VACUUM outbox_event");
        }
    }

    private long number(String query) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }
}
