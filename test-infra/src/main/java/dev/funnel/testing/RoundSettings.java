package dev.funnel.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What a statement that opens a transaction (an outbox relay's round) does to the session's settings: their values
 * inside that transaction, and once it has committed on the same connection, which the pool hands to others next.
 */
public final class RoundSettings {

    /** Runs the round's opening statement on the connection, inside the transaction. */
    @FunctionalInterface
    public interface Opener {
        void open(Connection connection) throws SQLException;
    }

    /** A setting's value inside the round's transaction and after its commit. */
    public record Seen(String inRound, String afterRound) {
    }

    /**
     * The named settings as the round sees them. {@code synchronous_commit} is set on for the session first, as a
     * deployment's server has it (the tests' servers do without durable commits), and every setting is reset after.
     */
    public static Map<String, Seen> of(DataSource database, Opener opener, String... names) throws SQLException {
        Map<String, String> inRound = new LinkedHashMap<>();
        Map<String, Seen> seen = new LinkedHashMap<>();
        try (Connection connection = database.getConnection()) {
            execute(connection, "SET synchronous_commit = on");
            connection.setAutoCommit(false);
            opener.open(connection);
            for (String name : names) {
                inRound.put(name, show(connection, name));
            }
            connection.commit();
            for (String name : names) {
                seen.put(name, new Seen(inRound.get(name), show(connection, name)));
            }
            connection.commit();
            connection.setAutoCommit(true);
            execute(connection, "RESET ALL");
        }
        return seen;
    }

    private static String show(Connection connection, String name) throws SQLException {
        try (PreparedStatement setting = connection.prepareStatement("SELECT current_setting(?)")) {
            setting.setString(1, name);
            try (ResultSet row = setting.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private RoundSettings() {
    }
}
