package dev.funnel.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void anIdIsAVersion7UuidWithItsMillisecondFirstAndTheRandomBitsKept() {
        UUID random = UUID.fromString("f47ac10b-58cc-4372-a567-0e02b2c3d479");
        long millis = 0x0193_9A2B_3C4DL; // 2024-12-06T04:12:25.037Z, in 48 bits

        UUID id = TimeOrderedIds.at(millis, random);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2); // the IETF variant, as in a version 4 UUID
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
        assertThat(id.getMostSignificantBits() & 0x0FFFL).isEqualTo(random.getMostSignificantBits() & 0x0FFFL);
        assertThat(id.getLeastSignificantBits()).isEqualTo(random.getLeastSignificantBits());
        assertThat(id).hasToString("01939a2b-3c4d-7372-a567-0e02b2c3d479");
    }

    @Test
    void idsMadeLaterSortAfterEarlierOnesAsPostgresqlComparesUuids() throws InterruptedException {
        UUID earlier = TimeOrderedIds.next();
        Thread.sleep(2);
        UUID later = TimeOrderedIds.next();

        // PostgreSQL orders uuid values by their bytes, unsigned, which is the order of their text
        assertThat(later.toString()).isGreaterThan(earlier.toString());
        long now = System.currentTimeMillis();
        assertThat(later.getMostSignificantBits() >>> 16).isBetween(now - 1_000, now);
    }

    @Test
    void idsMadeInTheSameMillisecondDiffer() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(TimeOrderedIds.next());
        }
        Set<UUID> distinct = new HashSet<>(ids);
        assertThat(distinct).hasSize(ids.size());
        assertThat(ids).allSatisfy(id -> assertThat(id.version()).isEqualTo(7));
    }
}
