package dev.funnel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConcatenatedSqlTest {

    private static ConcatenatedSql.Finding only(String body) {
        var findings = ConcatenatedSql.in("Sample.java", "class Sample {\n" + body + "\n}");
        assertThat(findings).hasSize(1);
        return findings.getFirst();
    }

    private static void none(String body) {
        assertThat(ConcatenatedSql.in("Sample.java", "class Sample {\n" + body + "\n}")).isEmpty();
    }

    @Test
    void aValueConcatenatedIntoANativeQueryIsFound() {
        var finding = only("""
                void erase(String email) {
                    em.createNativeQuery("DELETE FROM lead WHERE email = '" + email + "'").executeUpdate();
                }""");
        assertThat(finding.toString()).isEqualTo(
                "Sample.java:3: createNativeQuery(\"DELETE FROM lead WHERE email = '\" + email + \"'\")");
    }

    @Test
    void formattedSqlIsFoundInJdbcAndPanacheAlike() {
        only("""
                void a(Connection c, String id) { c.prepareStatement(String.format("SELECT * FROM lead WHERE id = '%s'", id)); }""");
        only("""
                void b(String stage) { Lead.find("stage = '%s'".formatted(stage)); }""");
        only("""
                void c(Statement s, String t) { s.execute("DROP TABLE " + t); }""");
        only("""
                List<Lead> d(List<String> where) { return Lead.<Lead>find(String.join(" AND ", where)).list(); }""");
    }

    @Test
    void aVariableIsFollowedToWhatItWasGiven() {
        only("""
                void find(String name) {
                    String sql = "SELECT id FROM campaign WHERE name = '" + name + "'";
                    em.createNativeQuery(sql).getResultList();
                }""");
        none("""
                void find(String name) {
                    String sql = "SELECT id FROM campaign WHERE name = ?1";
                    em.createNativeQuery(sql).setParameter(1, name).getResultList();
                }""");
    }

    @Test
    void boundParametersLiteralsAndConstantsPass() {
        none("""
                private static final String INSERT = "INSERT INTO outbox_event (id) VALUES (?)";
                private static final String TABLE = "lead";
                void ok(Connection c, UUID id, Runnable task) {
                    c.prepareStatement(INSERT);
                    em.createNativeQuery("SELECT count(*) FROM " + TABLE + " WHERE id = ?1").setParameter(1, id);
                    em.createNativeQuery(\"""
                            SELECT id FROM lead
                            WHERE email = ?1\""").setParameter(1, "a@b.c");
                    Lead.find("email", email);
                    Lead.list("leadId = ?1 ORDER BY occurredAt", id);
                    worker.execute(task); // not SQL: no string given
                    // em.createNativeQuery("SELECT " + id); in a comment is not code
                    String text = "createNativeQuery(\\"x\\" + y)";
                }""");
    }

    @Test
    void aSourceTreeIsScannedFileByFile() {
        // this module's own sources: TestPostgres creates databases, but through PostgresServer in infra
        assertThat(ConcatenatedSql.in(Path.of("src/main/java"))).isEmpty();
    }
}
