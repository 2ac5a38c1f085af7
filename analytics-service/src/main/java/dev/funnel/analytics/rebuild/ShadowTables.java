package dev.funnel.analytics.rebuild;

import dev.funnel.analytics.Rollups;
import dev.funnel.analytics.config.AnalyticsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * The fresh tables a rebuild replays into: a schema of their own holding an empty copy of each table the event
 * handlers write, later put in place of the live ones. The handlers' SQL names tables without a schema, so a
 * transaction that puts the shadow schema first on its search path writes there with the live code unchanged.
 */
@ApplicationScoped
public class ShadowTables {

    private static final Logger LOG = Logger.getLogger(ShadowTables.class);

    /** Every table the event handlers write: all of them is what a replay rebuilds. */
    public static final List<String> REPLAYED = List.of("lead_fact", "touch", "processed_event", "campaign",
            "lead_rollup", "awareness_rollup", "spend", "spend_rollup", "lead_channel_rollup",
            "awareness_channel_rollup", "spend_channel_rollup");

    /** The tables no event writes, kept as they are: Flyway's history and the rebuilds themselves. */
    public static final Set<String> KEPT = Set.of("flyway_schema_history", "rebuild");

    // schema names go into DDL unquoted; pg_get_indexdef prints them the same way only when they are this plain
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final String LOCK_TIMEOUT = "200ms";

    @Inject
    EntityManager em;

    @Inject
    Rollups rollups;

    @Inject
    AnalyticsConfig config;

    /** The schema the live tables are in: the first on the service's search path (public, normally). */
    @Transactional(Transactional.TxType.MANDATORY)
    public String live() {
        return plain((String) em.createNativeQuery("SELECT current_schema()").getSingleResult(), "the live schema");
    }

    public String shadow() {
        return plain(config.rebuild().schema(), "funnel.rebuild.schema");
    }

    /**
     * Empties the shadow schema and creates each replayed table in it like the live one: columns, defaults and
     * checks, primary keys (the handlers' ON CONFLICT needs them), storage settings, but not yet the other
     * indexes, which are built once after the replay ({@link #index}) rather than kept up row by row.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void prepare() {
        String live = live();
        String shadow = shadow();
        execute("DROP SCHEMA IF EXISTS " + shadow + " CASCADE");
        execute("CREATE SCHEMA " + shadow);
        for (String table : REPLAYED) {
            if (!foreignKeys(live, table).isEmpty()) {
                // LIKE does not copy them, and the swap would have to drop and recreate them across tables
                throw new IllegalStateException(table + " has foreign keys, which a rebuild does not carry over: "
                        + foreignKeys(live, table));
            }
            execute("CREATE TABLE " + shadow + "." + table + " (LIKE " + live + "." + table
                    + " INCLUDING ALL EXCLUDING INDEXES)");
            for (Object[] constraint : rows("""
                    SELECT con.conname, pg_get_constraintdef(con.oid) FROM pg_constraint con
                    WHERE con.conrelid = (""" + tableOid() + ") AND con.contype IN ('p', 'u', 'x') ORDER BY con.conname",
                    live, table)) {
                // the live constraint's own name, so the moved table's names are the ones the migrations chose
                execute("ALTER TABLE " + shadow + "." + table + " ADD CONSTRAINT " + constraint[0] + " " + constraint[1]);
            }
            keepStorageSettings(live, shadow, table);
        }
    }

    /**
     * Gives the shadow table the live one's storage settings (lead_fact's fillfactor, say), which LIKE does not
     * copy: without them the swapped-in table would fill its pages again, and lose what they were set for.
     */
    private void keepStorageSettings(String live, String shadow, String table) {
        @SuppressWarnings("unchecked")
        List<Object> settings = em.createNativeQuery("SELECT array_to_string(c.reloptions, ', ') FROM pg_class c "
                        + "WHERE c.oid = (" + tableOid() + ") AND c.reloptions IS NOT NULL")
                .setParameter(1, live)
                .setParameter(2, table)
                .getResultList();
        for (Object setting : settings) {
            // written by PostgreSQL itself as name=value pairs, which SET takes as they are
            execute("ALTER TABLE " + shadow + "." + table + " SET (" + setting + ")");
        }
    }

    /** Puts the shadow tables first for the rest of the current transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enter() {
        em.createNativeQuery("SELECT set_config('search_path', ?1, true)").setParameter(1, shadow()).getSingleResult();
    }

    /** Back to the live tables for the rest of the current transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void leave(String live) {
        // what the handlers left in the session, and the rollup sums not yet written, belong to the shadow tables
        rollups.flush();
        em.flush();
        em.createNativeQuery("SELECT set_config('search_path', ?1, true)").setParameter(1, live).getSingleResult();
    }

    /**
     * Builds each live table's other indexes on its shadow copy, under the live index's name (LIKE would make up
     * names of its own), then gathers the planner's statistics, so the swapped-in tables are queried as well as
     * the old ones from the first query on.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void index() {
        String live = live();
        String shadow = shadow();
        for (String table : REPLAYED) {
            for (Object[] index : rows("""
                    SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                    WHERE x.indrelid = (""" + tableOid() + """
                    ) AND NOT EXISTS (SELECT 1 FROM pg_constraint con
                        WHERE con.conindid = x.indexrelid AND con.conrelid = x.indrelid)
                    ORDER BY i.relname""", live, table)) {
                String definition = (String) index[1];
                String on = " ON " + live + "." + table + " ";
                if (definition.indexOf(on) < 0 || definition.indexOf(on) != definition.lastIndexOf(on)) {
                    throw new IllegalStateException("cannot read the table out of index " + index[0] + ": " + definition);
                }
                execute(definition.replace(on, " ON " + shadow + "." + table + " "));
            }
            execute("ANALYZE " + shadow + "." + table);
        }
    }

    /**
     * Puts the shadow tables in place of the live ones, inside the caller's transaction (which holds the swap
     * lock): waits for readers to let go of every live table, then drops each and moves its copy in. Readers
     * asking meanwhile wait for the commit and then read the new tables; statements prepared on the old ones
     * are planned again by PostgreSQL, since the tables they named were dropped.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void swapIn(String live) {
        String shadow = shadow();
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            lockLiveTables(connection, live);
            try (Statement statement = connection.createStatement()) {
                for (String table : REPLAYED) {
                    statement.execute("DROP TABLE " + live + "." + table);
                    statement.execute("ALTER TABLE " + shadow + "." + table + " SET SCHEMA " + live);
                }
                statement.execute("DROP SCHEMA " + shadow); // empty now; RESTRICT, so nothing else goes with it
            }
        });
    }

    /** Drops the shadow schema and whatever is in it: after a failed rebuild, nothing stays behind. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void discard() {
        execute("DROP SCHEMA IF EXISTS " + shadow() + " CASCADE");
    }

    /**
     * Takes every live table at once, trying for a moment at a time and letting go in between. Waiting on one
     * table while holding another could deadlock with a reader that holds the one and wants the other next;
     * trying briefly (well under PostgreSQL's deadlock_timeout) means the swap is the one to give way, never a
     * dashboard's query.
     */
    private void lockLiveTables(Connection connection, String live) throws SQLException {
        String tables = String.join(", ", REPLAYED.stream().map(table -> live + "." + table).toList());
        long deadline = System.nanoTime() + config.rebuild().swapLockWait().toNanos();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'");
            for (int attempt = 1; ; attempt++) {
                statement.execute("SAVEPOINT swap_locks");
                try {
                    statement.execute("LOCK TABLE " + tables + " IN ACCESS EXCLUSIVE MODE");
                    statement.execute("RELEASE SAVEPOINT swap_locks");
                    statement.execute("SET LOCAL lock_timeout = 0");
                    return;
                } catch (SQLException e) {
                    // 55P03: lock_not_available, a reader still holds a table
                    if (!"55P03".equals(e.getSQLState()) || System.nanoTime() > deadline) {
                        throw e;
                    }
                    statement.execute("ROLLBACK TO SAVEPOINT swap_locks");
                    LOG.debugf("swap: a live table is still being read (attempt %d); trying again", attempt);
                    pause(Duration.ofMillis(50));
                }
            }
        }
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to swap", e);
        }
    }

    private List<Object> foreignKeys(String live, String table) {
        @SuppressWarnings("unchecked")
        List<Object> names = em.createNativeQuery("SELECT con.conname FROM pg_constraint con WHERE con.conrelid = ("
                        + tableOid() + ") AND con.contype = 'f'")
                .setParameter(1, live)
                .setParameter(2, table)
                .getResultList();
        return names;
    }

    /** The oid of table ?2 in schema ?1. */
    private static String tableOid() {
        return "SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ?1 AND c.relname = ?2";
    }

    private List<Object[]> rows(String sql, String live, String table) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, live).setParameter(2, table).getResultList();
        return rows;
    }

    private void execute(String ddl) {
        em.unwrap(Session.class).doWork(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(ddl);
            }
        });
    }

    private static String plain(String schema, String what) {
        if (schema == null || !PLAIN.matcher(schema).matches()) {
            throw new IllegalStateException(what + " must be a plain lower-case name, not " + schema);
        }
        return schema;
    }
}
