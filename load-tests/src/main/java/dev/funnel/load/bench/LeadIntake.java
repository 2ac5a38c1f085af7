package dev.funnel.load.bench;

import dev.funnel.contracts.access.Roles;
import dev.funnel.load.Access;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Posts single leads to {@code POST /api/leads} over {@code connections} keep-alive connections, one per
 * worker thread, each worker waiting for its answer before it takes the next lead.
 *
 * <p>At a set rate the load is an open model: lead {@code i} is due at {@code start + i / rate}, whoever
 * sends it, and its latency runs from that due time, so a lead that waited for a free connection counts
 * its wait. Flat out, a lead is due when a worker is free to send it.
 *
 * <p>A lead denied for the token (401, 403) stops every worker: the rest would be denied as well.
 */
final class LeadIntake {

    /**
     * What the intake saw: 201s, other answers by status, and requests that got no answer.
     *
     * @param denial why the first lead denied for the token was denied, naming the role; null when none was
     */
    record Outcome(long accepted, Map<Integer, Long> refusedByStatus, long unanswered, long behindSchedule,
                   String firstProblem, String denial) {
    }

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private final URI marketing;
    private final String leadsPath;
    private final String authorization;
    private final UUID campaignId;
    private final String runId;
    private final int rate;
    private final int connections;
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final Map<Integer, LongAdder> refused = new ConcurrentHashMap<>();
    private final LongAdder unanswered = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private volatile String firstProblem;
    private volatile String denial;

    /** @param rate leads a second; 0 for flat out */
    LeadIntake(URI marketing, String token, UUID campaignId, String runId, int rate, int connections) {
        this.marketing = marketing;
        this.leadsPath = marketing.resolve("/api/leads").getRawPath();
        this.authorization = "Authorization: " + Access.header(token);
        this.campaignId = campaignId;
        this.runId = runId;
        this.rate = rate;
        this.connections = connections;
    }

    /**
     * Runs until {@code endNanos}; answers arriving from {@code measuredFrom} on are recorded in
     * {@code answers} (by the second they arrived in), and every {@code sampleEvery}-th accepted lead is
     * handed to {@code arrival} to be looked for in analytics.
     */
    Outcome run(long startNanos, long measuredFrom, long endNanos, Latencies answers, AnalyticsArrival arrival,
                int sampleEvery) throws InterruptedException {
        List<Thread> workers = new ArrayList<>(connections);
        for (int w = 0; w < connections; w++) {
            workers.add(Thread.ofPlatform().name("lead-intake-" + w).daemon().start(
                    () -> work(startNanos, measuredFrom, endNanos, answers, arrival, sampleEvery)));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        // leads i with start + i / rate < end were due; those no worker got to are behind schedule
        long due = rate == 0 ? sent.sum() : Math.ceilDiv((endNanos - startNanos) * rate, 1_000_000_000L);
        Map<Integer, Long> byStatus = new TreeMap<>();
        refused.forEach((status, count) -> byStatus.put(status, count.sum()));
        return new Outcome(accepted.get(), byStatus, unanswered.sum(), Math.max(0, due - sent.sum()), firstProblem,
                denial);
    }

    private void work(long startNanos, long measuredFrom, long endNanos, Latencies answers, AnalyticsArrival arrival,
                      int sampleEvery) {
        try (KeepAliveConnection connection = new KeepAliveConnection(marketing, ANSWER_TIMEOUT)) {
            work(connection, startNanos, measuredFrom, endNanos, answers, arrival, sampleEvery);
        }
    }

    private void work(KeepAliveConnection connection, long startNanos, long measuredFrom, long endNanos,
                      Latencies answers, AnalyticsArrival arrival, int sampleEvery) {
        while (denial == null) {
            long i = next.getAndIncrement();
            long due;
            if (rate > 0) {
                due = startNanos + i * 1_000_000_000L / rate;
                if (due >= endNanos) {
                    return;
                }
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                if (System.nanoTime() >= endNanos) {
                    return; // due in time, but no connection was free before the end: counted as behind schedule
                }
            } else {
                due = System.nanoTime();
                if (due >= endNanos) {
                    return;
                }
            }
            sent.increment();
            int status = post(connection, i);
            long answeredAt = System.nanoTime();
            if (status == 201) {
                long ordinal = accepted.incrementAndGet();
                if (answeredAt >= measuredFrom) {
                    answers.record(answeredAt - measuredFrom, answeredAt - due);
                    if (ordinal % sampleEvery == 0) {
                        arrival.expect(ordinal, answeredAt);
                    }
                }
            } else if (status > 0) {
                refused.computeIfAbsent(status, s -> new LongAdder()).increment();
            }
        }
    }

    /** The answer's status, or 0 when there was none. */
    private int post(KeepAliveConnection connection, long i) {
        String body = "{\"email\":\"bench-" + runId + "-" + i + "@example.com\",\"firstName\":\"Bench\","
                + "\"lastName\":\"Lead " + i + "\",\"company\":\"Load Test Ltd\",\"country\":\"DE\","
                + "\"campaignId\":\"" + campaignId + "\",\"consent\":{\"marketing\":true}}";
        try {
            KeepAliveConnection.Answer answer = connection.postJson(leadsPath, body, authorization);
            if (Access.denies(answer.status()) && denial == null) {
                denial = "marketing answered " + answer.status() + " to POST /api/leads: "
                        + Access.whyDenied(answer.status(), Roles.LEAD_INTAKE);
            }
            if (answer.status() != 201 && firstProblem == null) {
                firstProblem = answer.status() + " " + answer.body();
            }
            return answer.status();
        } catch (IOException e) {
            unanswered.increment();
            if (firstProblem == null) {
                firstProblem = e.toString();
            }
            return 0;
        }
    }
}
