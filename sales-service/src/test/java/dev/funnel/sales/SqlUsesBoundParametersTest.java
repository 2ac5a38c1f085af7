package dev.funnel.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.testing.ConcatenatedSql;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No value reaches SQL but as a bound parameter: no SQL-executing call here is given a string built from values. */
class SqlUsesBoundParametersTest {

    /**
     * Files whose SQL is assembled from fixed fragments, each reviewed: file and number of such calls. Both list
     * endpoints join the conditions of the filters asked for, each a constant naming its parameter
     * (":stage", ":ownerId"), and bind every value by name. UnnestInsert joins a table's and its columns'
     * names and types, constants declared in code, and binds every value in an array.
     */
    private static final Map<String, Integer> REVIEWED = Map.of(
            "dev/funnel/sales/FollowUps.java", 1,
            "dev/funnel/sales/UnnestInsert.java", 1,
            "dev/funnel/sales/api/LeadResource.java", 1);

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
