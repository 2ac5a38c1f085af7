package dev.funnel.marketing;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toMap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.testing.ConcatenatedSql;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No value reaches SQL but as a bound parameter: no SQL-executing call here is given a string built from values. */
class SqlUsesBoundParametersTest {

    /** Files whose SQL is assembled from fixed fragments, each reviewed: file, number of such calls, and why. */
    private static final Map<String, Integer> REVIEWED = Map.of();

    @Test
    void noSqlIsBuiltFromValuesOutsideTheReviewedFiles() {
        List<ConcatenatedSql.Finding> findings = ConcatenatedSql.in(Path.of("src/main/java"));
        assertThat(findings).filteredOn(f -> !REVIEWED.containsKey(f.file())).isEmpty();
        // a new assembled statement in a reviewed file is to be reviewed too
        assertThat(findings.stream().collect(groupingBy(ConcatenatedSql.Finding::file, counting())))
                .isEqualTo(REVIEWED.entrySet().stream().collect(toMap(
                        Map.Entry::getKey, e -> (long) e.getValue())));
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
