package dev.funnel.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.testing.ConcatenatedSql;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No value reaches SQL but as a bound parameter: no SQL-executing call here is given a string built from values. */
class SqlUsesBoundParametersTest {

    /**
     * Files whose SQL is assembled from fixed fragments, each reviewed: file and number of such calls. Rollups
     * unions one SELECT per grain from constants, numbering a placeholder for every value (Sql.parameter) and
     * binding them all. ShadowTables writes DDL, where names cannot be bound: the schemas pass plain() (lower-case
     * letters, digits, underscores), the tables come from the constant REPLAYED, and constraint and index
     * definitions and storage settings are PostgreSQL's own (pg_get_constraintdef, pg_get_indexdef, reloptions).
     */
    private static final Map<String, Integer> REVIEWED = Map.of(
            "dev/funnel/analytics/Rollups.java", 3,
            "dev/funnel/analytics/rebuild/ShadowTables.java", 14);

    @Test
    void noSqlIsBuiltFromValuesOutsideTheReviewedFiles() {
        ConcatenatedSql.assertOnlyReviewed(Path.of("src/main/java"), REVIEWED);
    }

    @Test
    void theScanFindsAValuePlantedInSql() {
        String planted = """
                class Planted {
                    void erase(String email) {
                        em.createNativeQuery("DELETE FROM lead WHERE email = '" + email + "'").executeUpdate();
                        Lead.find("email = '%s'".formatted(email)).firstResult();
                    }
                    void eraseSafely(String email) {
                        em.createNativeQuery("DELETE FROM lead WHERE email = ?1").setParameter(1, email).executeUpdate();
                    }
                }""";
        assertThat(ConcatenatedSql.in("Planted.java", planted)).extracting(ConcatenatedSql.Finding::line)
                .containsExactly(3, 4);
    }
}
