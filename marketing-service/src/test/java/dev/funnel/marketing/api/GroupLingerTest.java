package dev.funnel.marketing.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** When a lead-capture committer waits for more leads before it commits, and for how long. */
class GroupLingerTest {

    private static final Duration FIVE_MS = Duration.ofMillis(5);
    /** Far longer than any test here may take, so a committer that waited it out shows. */
    private static final Duration LONG = Duration.ofSeconds(30);

    @Test
    void aLoneLeadOrAFewWaitForMore() {
        assertThat(GroupedCapture.lingers(1, FIVE_MS)).isTrue();
        assertThat(GroupedCapture.lingers(GroupedCapture.SMALL_GROUP - 1, FIVE_MS)).isTrue();
    }

    @Test
    void aGroupThatGatheredWhileTheCommitterWasBusyGoesAtOnce() {
        assertThat(GroupedCapture.lingers(GroupedCapture.SMALL_GROUP, FIVE_MS)).isFalse();
        assertThat(GroupedCapture.lingers(200, FIVE_MS)).isFalse();
    }

    @Test
    void noLingerMeansEveryGroupGoesAtOnce() {
        assertThat(GroupedCapture.lingers(1, Duration.ZERO)).isFalse();
    }

    @Test
    void aSmallGroupGoesAsSoonAsItIsFullEnoughNotWhenTheLingerEnds() throws InterruptedException {
        BlockingQueue<Integer> waiting = new ArrayBlockingQueue<>(100);
        List<Integer> group = new ArrayList<>(List.of(0));
        CountDownLatch gathering = new CountDownLatch(1);
        Thread arrivals = Thread.ofPlatform().start(() -> {
            try {
                gathering.await();
                for (int lead = 1; lead < GroupedCapture.SMALL_GROUP; lead++) {
                    Thread.sleep(2);
                    waiting.put(lead);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        long started = System.nanoTime();
        gathering.countDown();
        GroupedCapture.gatherSmallGroup(waiting, group, 200, LONG);
        long tookMillis = millisSince(started);
        arrivals.join();

        assertThat(group).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(tookMillis).isLessThan(LONG.toMillis() / 2);
    }

    @Test
    void aSmallGroupWithNoArrivalsGoesWhenTheLingerEnds() {
        BlockingQueue<Integer> waiting = new ArrayBlockingQueue<>(100);
        List<Integer> group = new ArrayList<>(List.of(0, 1));

        long started = System.nanoTime();
        GroupedCapture.gatherSmallGroup(waiting, group, 200, Duration.ofMillis(50));
        long tookMillis = millisSince(started);

        assertThat(group).containsExactly(0, 1);
        assertThat(tookMillis).isGreaterThanOrEqualTo(50);
    }

    @Test
    void aGroupTakesEverythingWaitingUpToItsLimit() {
        BlockingQueue<Integer> waiting = waitingLeads(20);
        List<Integer> group = new ArrayList<>(List.of(0));

        GroupedCapture.gatherSmallGroup(waiting, group, 12, LONG);

        assertThat(group).hasSize(12).startsWith(0, 1, 2);
        assertThat(waiting).hasSize(9);
    }

    @Test
    void aGroupLimitedBelowEightGoesAtItsLimit() {
        BlockingQueue<Integer> waiting = waitingLeads(20);
        List<Integer> group = new ArrayList<>(List.of(0));

        long started = System.nanoTime();
        GroupedCapture.gatherSmallGroup(waiting, group, 3, LONG);

        assertThat(millisSince(started)).isLessThan(LONG.toMillis() / 2);
        assertThat(group).containsExactly(0, 1, 2);
    }

    @Test
    void aGroupFullEnoughAlreadyDoesNotWait() {
        BlockingQueue<Integer> waiting = new ArrayBlockingQueue<>(100);
        List<Integer> group = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7));

        long started = System.nanoTime();
        GroupedCapture.gatherSmallGroup(waiting, group, 200, LONG);

        assertThat(millisSince(started)).isLessThan(LONG.toMillis() / 2);
        assertThat(group).hasSize(8);
    }

    @Test
    void anInterruptedCommitterKeepsItsLeadsAndTheInterrupt() throws InterruptedException {
        BlockingQueue<Integer> waiting = new ArrayBlockingQueue<>(100);
        List<Integer> group = new ArrayList<>(List.of(0));
        boolean[] stillInterrupted = new boolean[1];
        Thread committer = Thread.ofPlatform().start(() -> {
            Thread.currentThread().interrupt();
            GroupedCapture.gatherSmallGroup(waiting, group, 200, LONG);
            stillInterrupted[0] = Thread.currentThread().isInterrupted();
        });
        committer.join(LONG.toMillis() / 2);

        assertThat(committer.isAlive()).isFalse();
        assertThat(group).containsExactly(0);
        assertThat(stillInterrupted[0]).isTrue();
    }

    /** A queue holding the leads 1 to {@code count}, in that order, with room for more. */
    private static BlockingQueue<Integer> waitingLeads(int count) {
        BlockingQueue<Integer> waiting = new ArrayBlockingQueue<>(100);
        for (int lead = 1; lead <= count; lead++) {
            waiting.add(lead);
        }
        return waiting;
    }

    private static long millisSince(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
