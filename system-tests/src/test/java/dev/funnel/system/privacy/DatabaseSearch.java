package dev.funnel.system.privacy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads every row of every table of a database, every column that can hold text (text, varchar, char,
 * json, jsonb, bytea, arrays, xml), looking for a person's marks. Every schema but PostgreSQL's own, so a
 * copy kept aside (analytics' rebuild schema, say) is read too. Nothing is assumed about which tables
 * exist: a table added later is searched without anyone telling this search about it.
 */
final class DatabaseSearch {

    /** The column types whose values can carry a person; the rest are numbers, times, booleans and uuids. */
    private static final Set<String> TEXT_TYPES = Set.of("text", "character varying", "character", "json",
            "jsonb", "bytea", "ARRAY", "xml", "USER-DEFINED");

    /** A column holding a mark, in how many rows. */
    record Hit(String database, String table, String column, String mark, long rows) {

        @Override
        public String toString() {
            return database + ": " + table + "." + column + " holds \"" + mark + "\" in " + rows + " row(s)";
        }
    }

    /** One table as searched: its text columns and how many rows they were read in. */
    record Table(String database, String name, List<String> columns, long rows) {
    }

    /** What a search read and what it found. */
    record Result(List<Table> tables, List<Hit> hits) {

        long rows() {
            return tables.stream().mapToLong(Table::rows).sum();
        }

        long columns() {
            return tables.stream().mapToLong(t -> t.columns().size()).sum();
        }

        /** One line per table, for the run's output: what was read, so a reader sees the coverage. */
        String coverage() {
            StringBuilder lines = new StringBuilder();
            for (Table table : tables) {
                lines.append(String.format("  %-10s %-40s %6d rows  %s%n", table.database(), table.name(), table.rows(),
                        table.columns().isEmpty() ? "(no text columns)" : String.join(", ", table.columns())));
            }
            return lines.toString();
        }
    }

    private DatabaseSearch() {
    }

    /** Searches the database at {@code jdbcUrl}; {@code name} is how the result calls it. */
    static Result search(String name, String jdbcUrl, String user, String password, Person person) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password)) {
            List<Table> tables = new ArrayList<>();
            List<Hit> hits = new ArrayList<>();
            for (Map.Entry<TableName, List<Column>> table : textColumns(db).entrySet()) {
                tables.add(searchTable(db, name, table.getKey(), table.getValue(), person, hits));
            }
            return new Result(tables, hits);
        }
    }

    private record Column(String name, String type) {

        /** The value as text: bytea's printable bytes as they are, not as hex. */
        String asText() {
            String quoted = quote(name);
            return type.equals("bytea") ? "encode(" + quoted + ", 'escape')" : quoted + "::text";
        }
    }

    private record TableName(String schema, String name) {

        String sql() {
            return quote(schema) + "." + quote(name);
        }

        @Override
        public String toString() {
            return schema + "." + name;
        }
    }

    /** Every base table outside PostgreSQL's own schemas, with its text columns (maybe none), in a stable order. */
    private static Map<TableName, List<Column>> textColumns(Connection db) throws SQLException {
        Map<TableName, List<Column>> tables = new LinkedHashMap<>();
        try (PreparedStatement select = db.prepareStatement("""
                SELECT t.table_schema, t.table_name, c.column_name, c.data_type
                FROM information_schema.tables t
                JOIN information_schema.columns c ON c.table_schema = t.table_schema AND c.table_name = t.table_name
                WHERE t.table_type = 'BASE TABLE'
                  AND t.table_schema NOT IN ('pg_catalog', 'information_schema')
                  AND t.table_schema NOT LIKE 'pg\\_%'
                ORDER BY t.table_schema, t.table_name, c.ordinal_position""");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                TableName table = new TableName(rows.getString(1), rows.getString(2));
                List<Column> columns = tables.computeIfAbsent(table, t -> new ArrayList<>());
                if (TEXT_TYPES.contains(rows.getString(4))) {
                    columns.add(new Column(rows.getString(3), rows.getString(4)));
                }
            }
        }
        return tables;
    }

    /**
     * One scan of the table: its row count, and for each column and mark how many rows hold the mark
     * (ILIKE, so in any case).
     */
    private static Table searchTable(Connection db, String database, TableName table, List<Column> columns, Person person,
                                     List<Hit> hits) throws SQLException {
        List<String> marks = person.marks();
        StringBuilder sql = new StringBuilder("SELECT count(*)");
        for (Column column : columns) {
            for (int m = 0; m < marks.size(); m++) {
                sql.append(", count(*) FILTER (WHERE ").append(column.asText()).append(" ILIKE ?)");
            }
        }
        sql.append(" FROM ").append(table.sql());
        try (PreparedStatement select = db.prepareStatement(sql.toString())) {
            int parameter = 1;
            for (int c = 0; c < columns.size(); c++) {
                for (String mark : marks) {
                    select.setString(parameter++, "%" + escapeLike(mark) + "%");
                }
            }
            try (ResultSet row = select.executeQuery()) {
                row.next();
                int at = 2;
                for (Column column : columns) {
                    for (String mark : marks) {
                        long holding = row.getLong(at++);
                        if (holding > 0) {
                            hits.add(new Hit(database, table.toString(), column.name(), mark, holding));
                        }
                    }
                }
                return new Table(database, table.toString(), columns.stream().map(Column::name).toList(), row.getLong(1));
            }
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** The mark matched literally: '%' and '_' in it are not wildcards (backslash is ILIKE's escape). */
    private static String escapeLike(String mark) {
        return mark.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
