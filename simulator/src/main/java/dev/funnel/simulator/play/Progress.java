package dev.funnel.simulator.play;

import dev.funnel.simulator.Ledger;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Locale;

/** The lines a simulation prints: one every few seconds while it plays, and the ledger at the end. */
public final class Progress {

    private Progress() {
    }

    /** One line: wall time, business day, and the ledger's main figures. */
    static String line(Duration elapsed, int day, int days, Ledger.Summary s) {
        return String.format(Locale.ROOT,
                "%2d:%02d  day %3d/%d  leads %,d sent, %,d accepted (%,d duplicate)  qualified %,d  moves %,d  won %,d  "
                        + "revenue %s  refused %,d%s",
                elapsed.toMinutes(), elapsed.toSecondsPart(), Math.min(day, days), days, s.leadsSent(),
                s.leadsAccepted(), s.leadsDuplicate(), s.qualified(), s.moves(), s.won(), money(s.revenue()),
                s.refused(), s.gaveUp() + s.rejected() > 0 ? "  gave up " + s.gaveUp() + "  rejected " + s.rejected() : "")
                + (s.denied() > 0 ? "  DENIED " + s.denied() : "");
    }

    /** The ledger as a short report. */
    public static String summary(Ledger.Summary s) {
        StringBuilder out = new StringBuilder();
        out.append("What the funnel confirmed:\n");
        out.append(String.format(Locale.ROOT, "  campaigns launched %,d; spend %s in %,d daily records%n",
                s.campaignsLaunched(), money(s.spend()), s.spendRecords()));
        out.append(String.format(Locale.ROOT, "  awareness          %,d impressions, %,d clicks, %,d visits%n",
                s.impressions(), s.clicks(), s.visits()));
        out.append(String.format(Locale.ROOT, "  leads              %,d sent, %,d accepted: %,d new (%,d by referral), %,d returning%n",
                s.leadsSent(), s.leadsAccepted(), s.leadsCreated(), s.referrals(), s.leadsDuplicate()));
        out.append(String.format(Locale.ROOT, "  sales              %,d of the new leads qualified by sales' rules (%.0f %%)%n",
                s.qualified(), s.leadsCreated() == 0 ? 0.0 : 100.0 * s.qualified() / s.leadsCreated()));
        out.append(String.format(Locale.ROOT, "  pipeline           %,d moves: %,d contacted, %,d proposals, %,d negotiations%n",
                s.moves(), s.contacted(), s.proposals(), s.negotiations()));
        out.append(String.format(Locale.ROOT, "  deals              %,d won for %s, %,d lost %s, %,d still open%n",
                s.won(), money(s.revenue()), s.lost(), s.lossReasons(),
                Math.max(0, s.qualified() - s.won() - s.lost())));
        out.append(String.format(Locale.ROOT, "  refused attempts   %,d (retried)%s; gave up %,d; rejected %,d%n",
                s.refused(), s.refused() > 0 ? " " + s.refusedBy() : "", s.gaveUp(), s.rejected()));
        if (s.denied() > 0) {
            out.append(String.format(Locale.ROOT, "  denied             %,d for the token (401/403): not business, the token will not do%n",
                    s.denied()));
        }
        for (String problem : s.problems()) {
            out.append("    ").append(problem).append('\n');
        }
        return out.toString();
    }

    static String money(BigDecimal amount) {
        NumberFormat format = NumberFormat.getIntegerInstance(Locale.US);
        return "$" + format.format(amount.setScale(0, RoundingMode.HALF_UP));
    }
}
