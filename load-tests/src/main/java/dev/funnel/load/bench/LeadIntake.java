package dev.funnel.load.bench;

import dev.funnel.contracts.access.Roles;
import dev.funnel.load.Access;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * Posts single leads to {@code POST /api/leads} over {@code connections} keep-alive connections, each
 * worker thread waiting for its answer before it takes the next lead.
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

    private final URI leads;
    private final String authorization;
    private final UUID campaignId;
    private final String runId;
    private final int rate;
    private final int connections;
    private final HttpClient http;
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final Map<Integer, LongAdder> refused = new ConcurrentHashMap<>();
    private final LongAdder unanswered = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private volatile String firstProblem;
    private volatile String denial;

    /** @param rate leads a second; 0 for flat out */
    LeadIntake(URI marketing, String token, UUID campaignId, String runId, int rate, int connections) {
        this.leads = marketing.resolve("/api/leads");
        this.authorization = Access.header(token);
        this.campaignId = campaignId;
        this.runId = runId;
        this.rate = rate;
        this.connections = connections;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
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
            int status = post(i);
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
    private int post(long i) {
        String body = "{\"email\":\"bench-" + runId + "-" + i + "@example.com\",\"firstName\":\"Bench\","
                + "\"lastName\":\"Lead " + i + "\",\"company\":\"Load Test Ltd\",\"country\":\"DE\","
                + "\"campaignId\":\"" + campaignId + "\",\"consent\":{\"marketing\":true}}";
        HttpRequest request = HttpRequest.newBuilder(leads).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (Access.denies(response.statusCode()) && denial == null) {
                denial = "marketing answered " + response.statusCode() + " to POST /api/leads: "
                        + Access.whyDenied(response.statusCode(), Roles.LEAD_INTAKE);
            }
            if (response.statusCode() != 201 && firstProblem == null) {
                firstProblem = response.statusCode() + " " + response.body();
            }
            return response.statusCode();
        } catch (IOException e) {
            unanswered.increment();
            if (firstProblem == null) {
                firstProblem = e.toString();
            }
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
