package dev.funnel.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LedgerTest {

    private final Ledger ledger = new Ledger();

    @Test
    void acceptedLeadsAreTheNewOnesAndTheReturningOnesAndReferralsAreNewLeadsToo() {
        ledger.leadSent();
        ledger.leadSent();
        ledger.leadSent();
        ledger.leadSent();
        ledger.leadAccepted(true, false);
        ledger.leadAccepted(false, false);
        ledger.leadAccepted(true, true);

        Ledger.Summary summary = ledger.summary();
        assertThat(summary.leadsSent()).isEqualTo(4);
        assertThat(summary.leadsAccepted()).isEqualTo(3);
        assertThat(summary.leadsCreated()).isEqualTo(2);
        assertThat(summary.leadsDuplicate()).isEqualTo(1);
        assertThat(summary.referrals()).isEqualTo(1);
    }

    @Test
    void revenueIsTheExactSumOfTheWonAmounts() {
        ledger.moved("WON", new BigDecimal("0.10"), null);
        ledger.moved("WON", new BigDecimal("0.20"), null);
        ledger.moved("WON", new BigDecimal("12345.67"), null);

        assertThat(ledger.summary().revenue()).isEqualTo(new BigDecimal("12345.97"));
        assertThat(ledger.summary().won()).isEqualTo(3);
    }

    @Test
    void everyConfirmedMoveCountsAtItsStageAndLossesByReason() {
        ledger.moved("CONTACTED", null, null);
        ledger.moved("CONTACTED", null, null);
        ledger.moved("PROPOSAL", null, null);
        ledger.moved("LOST", null, "PRICE");
        ledger.moved("LOST", null, "NO_DECISION");
        ledger.moved("LOST", null, "PRICE");

        Ledger.Summary summary = ledger.summary();
        assertThat(summary.moves()).isEqualTo(6);
        assertThat(summary.contacted()).isEqualTo(2);
        assertThat(summary.proposals()).isEqualTo(1);
        assertThat(summary.negotiations()).isZero();
        assertThat(summary.lost()).isEqualTo(3);
        assertThat(summary.lossReasons()).isEqualTo(Map.of("NO_DECISION", 1L, "PRICE", 2L));
        assertThat(summary.revenue()).isEqualByComparingTo("0");
    }

    @Test
    void awarenessAndSpendAddUpByKind() {
        ledger.awarenessRecorded("IMPRESSION", 1_000);
        ledger.awarenessRecorded("CLICK", 30);
        ledger.awarenessRecorded("VISIT", 25);
        ledger.awarenessRecorded("IMPRESSION", 500);
        ledger.spendRecorded(new BigDecimal("99.99"));
        ledger.spendRecorded(new BigDecimal("0.01"));

        Ledger.Summary summary = ledger.summary();
        assertThat(summary.impressions()).isEqualTo(1_500);
        assertThat(summary.clicks()).isEqualTo(30);
        assertThat(summary.visits()).isEqualTo(25);
        assertThat(summary.spend()).isEqualTo(new BigDecimal("100.00"));
        assertThat(summary.spendRecords()).isEqualTo(2);
    }

    @Test
    void refusalsGiveUpsAndRejectionsStayOutOfTheBusinessFigures() {
        ledger.refused("503");
        ledger.refused("timeout");
        ledger.refused("503");
        ledger.gaveUp("lead a@b.example after 60 s of refusals");
        ledger.rejected("lead c@d.example: 422 email is invalid");

        Ledger.Summary summary = ledger.summary();
        assertThat(summary.refused()).isEqualTo(3);
        assertThat(summary.refusedBy()).isEqualTo(Map.of("503", 2L, "timeout", 1L));
        assertThat(summary.gaveUp()).isEqualTo(1);
        assertThat(summary.rejected()).isEqualTo(1);
        assertThat(summary.leadsAccepted()).isZero();
        assertThat(summary.problems()).containsExactly("gave up: lead a@b.example after 60 s of refusals",
                "rejected: lead c@d.example: 422 email is invalid");
    }

    @Test
    void everyProblemIsCountedThoughOnlyTheFirstAreDescribed() {
        for (int i = 0; i < 30; i++) {
            ledger.rejected("lead " + i);
        }

        assertThat(ledger.summary().rejected()).isEqualTo(30);
        assertThat(ledger.summary().problems()).hasSize(Ledger.PROBLEMS_KEPT).startsWith("rejected: lead 0");
    }

    @Test
    void figuresFromManyThreadsAddUpExactly() throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 1_000; i++) {
            threads.execute(() -> {
                ledger.leadAccepted(true, false);
                ledger.moved("WON", new BigDecimal("1000.01"), null);
                ledger.spendRecorded(new BigDecimal("0.03"));
            });
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        Ledger.Summary summary = ledger.summary();
        assertThat(summary.leadsCreated()).isEqualTo(1_000);
        assertThat(summary.revenue()).isEqualTo(new BigDecimal("1000010.00"));
        assertThat(summary.spend()).isEqualTo(new BigDecimal("30.00"));
    }
}
