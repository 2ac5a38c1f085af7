package dev.funnel.system.faults;

import java.math.BigDecimal;
import java.util.List;

/**
 * One quantity followed through the funnel: what the simulator's ledger says the APIs accepted, what
 * the owning service stored, what analytics counted. Anything counted or stored beyond the accepted is
 * a duplicate; anything accepted but missing from either is lost.
 */
record Tally(String what, BigDecimal accepted, BigDecimal stored, BigDecimal counted) {

    static Tally of(String what, long accepted, long stored, long counted) {
        return new Tally(what, BigDecimal.valueOf(accepted), BigDecimal.valueOf(stored), BigDecimal.valueOf(counted));
    }

    BigDecimal duplicates() {
        return stored.max(counted).subtract(accepted).max(BigDecimal.ZERO);
    }

    BigDecimal lost() {
        return accepted.subtract(stored.min(counted)).max(BigDecimal.ZERO);
    }

    boolean agrees() {
        return accepted.compareTo(stored) == 0 && accepted.compareTo(counted) == 0;
    }

    /** The tallies as a table, one line a quantity. */
    static String table(List<Tally> tallies) {
        StringBuilder table = new StringBuilder(String.format("%-10s %12s %12s %12s %12s %12s%n",
                "", "accepted", "stored", "counted", "duplicates", "lost"));
        for (Tally t : tallies) {
            table.append(String.format("%-10s %12s %12s %12s %12s %12s%n", t.what(), t.accepted().toPlainString(),
                    t.stored().toPlainString(), t.counted().toPlainString(), t.duplicates().toPlainString(),
                    t.lost().toPlainString()));
        }
        return table.toString();
    }
}
