package dev.funnel.system.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.funnel.infra.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The search the erasure test trusts finds a person wherever a table could keep them: in each kind of text
 * column, in any case, in any schema, and in a table it was never told about.
 */
class DatabaseSearchTest {

    private static PostgresServer postgres;

    @BeforeAll
    static void start() {
        postgres = PostgresServer.throwaway();
        postgres.ensureDatabase("planted");
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void findsAPersonPlantedInAnyTextColumnOfAnySchemaInAnyCase() throws SQLException {
        Person person = Person.unique();
        try (Connection db = connect(); Statement ddl = db.createStatement()) {
            ddl.execute("CREATE SCHEMA aside");
            ddl.execute("""
                    CREATE TABLE aside."Kept Requests" (id bigint, body text, doc jsonb, raw bytea, tags text[],
                                                       code char(40), name varchar(100), seen timestamptz)""");
            ddl.execute("CREATE TABLE public.counts (id bigint, amount numeric)");
            try (PreparedStatement insert = db.prepareStatement("""
                    INSERT INTO aside."Kept Requests" (id, body, doc, raw, tags, code, name)
                    VALUES (?, ?, ?::jsonb, ?, ?, ?, ?)""")) {
                insert.setLong(1, 1);
                insert.setString(2, "request from " + person.email().toUpperCase(Locale.ROOT));
                insert.setString(3, "{\"who\": {\"last\": \"" + person.lastName() + "\"}}");
                insert.setBytes(4, ("\u0001phone=" + person.phone()).getBytes());
                insert.setArray(5, db.createArrayOf("text", new String[] {"vip", person.company()}));
                insert.setString(6, person.phone().substring(1));
                insert.setString(7, person.firstName());
                insert.executeUpdate();
                // a row holding someone else only: it counts as read, never as found
                Person other = Person.unique();
                insert.setLong(1, 2);
                insert.setString(2, other.email());
                insert.setString(3, "{}");
                insert.setBytes(4, other.phone().getBytes());
                insert.setArray(5, db.createArrayOf("text", new String[] {other.company()}));
                insert.setString(6, "");
                insert.setString(7, other.firstName());
                insert.executeUpdate();
            }
            ddl.execute("INSERT INTO public.counts VALUES (1, 2)");
        }

        DatabaseSearch.Result result = DatabaseSearch.search("planted", postgres.jdbcUrl("planted"), PostgresServer.USER,
                PostgresServer.PASSWORD, person);

        assertThat(result.hits()).extracting(DatabaseSearch.Hit::column, DatabaseSearch.Hit::rows)
                .contains(tuple("body", 1L), tuple("doc", 1L),
                        tuple("raw", 1L), tuple("tags", 1L),
                        tuple("code", 1L), tuple("name", 1L));
        assertThat(result.hits()).extracting(DatabaseSearch.Hit::table).containsOnly("aside.Kept Requests");
        assertThat(result.tables()).extracting(DatabaseSearch.Table::name, DatabaseSearch.Table::rows)
                .contains(tuple("aside.Kept Requests", 2L),
                        tuple("public.counts", 1L));
        assertThat(result.tables()).filteredOn(t -> t.name().equals("public.counts")).singleElement()
                .satisfies(counts -> assertThat(counts.columns()).as("text columns of a table of numbers").isEmpty());
    }

    @Test
    void findsNothingWhereThePersonIsNotAndTakesLikeWildcardsLiterally() throws SQLException {
        Person someone = Person.unique();
        Person person = new Person("a_b%c@example.com", someone.firstName(), someone.lastName(), someone.phone(),
                someone.company(), someone.jobTitle());
        try (Connection db = connect(); Statement ddl = db.createStatement()) {
            ddl.execute("CREATE TABLE public.notes (note text)");
            // would match "a_b%c@example.com" as a LIKE pattern, not as the address it is
            ddl.execute("INSERT INTO public.notes VALUES ('axbyyyc@example.com')");
        }

        DatabaseSearch.Result result = DatabaseSearch.search("planted", postgres.jdbcUrl("planted"), PostgresServer.USER,
                PostgresServer.PASSWORD, person);

        assertThat(result.hits()).filteredOn(hit -> hit.table().equals("public.notes")).isEmpty();
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl("planted"), PostgresServer.USER, PostgresServer.PASSWORD);
    }
}
