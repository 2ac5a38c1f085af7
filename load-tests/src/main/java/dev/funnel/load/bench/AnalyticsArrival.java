package dev.funnel.load.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.contracts.access.Roles;
import dev.funnel.load.Access;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * End-to-end latency: from a lead's 201 to the moment analytics counts it. One thread polls
 * {@code GET /api/analytics/funnel?campaignId=} of the run's own campaign, one request after the other
 * with a short pause. The {@code k}-th accepted lead counts as visible at the answer of the first poll
 * whose {@code leads} figure is at least {@code k}.
 *
 * <p>Why the count and not the stream: the SSE stream sends at most four updates a second, which would
 * round every latency up to a quarter second. The count is exact for the run's campaign, but it cannot
 * tell leads apart: when leads reach analytics out of the order their 201s came in (they cross a
 * partitioned topic), the figure is the time until analytics had caught up with the k-th acceptance,
 * not necessarily that very lead. Using the poll's answer time errs long, by at most one poll's round trip.
 *
 * <p>The window asked for is whole hours that cover the run, so the answer is summed from the hourly
 * rollups alone, which analytics writes in the same transaction as its lead facts. The default window ends
 * now, mid-hour: analytics then counts that partial hour from the lead facts themselves, a scan of every
 * lead of the hour on each poll, which made a poll take 55 ms under load (and that load fall on the
 * machine being measured).
 */
final class AnalyticsArrival {

    private static final long PAUSE_NANOS = 5_000_000;

    private final KeepAliveConnection http;
    private final ObjectMapper json = new ObjectMapper();
    private final String poll;
    private final String authorization;
    private final Latencies latencies;
    private final long measuredFrom;
    private final ConcurrentSkipListMap<Long, Long> waiting = new ConcurrentSkipListMap<>();
    private final LongAdder polls = new LongAdder();
    private final LongAdder pollNanos = new LongAdder();
    private volatile boolean stopped;
    private volatile String problem;
    private Thread poller;

    /** Polls the funnel of the campaign over whole hours from the current one on, enough to cover {@code run}. */
    AnalyticsArrival(URI analytics, String token, UUID campaignId, Duration run, Latencies latencies, long measuredFrom) {
        Instant from = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Instant to = from.plus(Duration.ofHours(run.toHours() + 2)); // the last hour may have begun by the end
        this.http = new KeepAliveConnection(analytics, Duration.ofSeconds(10));
        URI funnel = analytics.resolve("/api/analytics/funnel?campaignId=" + campaignId + "&from=" + from + "&to=" + to);
        this.poll = funnel.getRawPath() + "?" + funnel.getRawQuery();
        this.authorization = "Authorization: " + Access.header(token);
        this.latencies = latencies;
        this.measuredFrom = measuredFrom;
    }

    void start() {
        poller = Thread.ofPlatform().name("analytics-arrival").daemon().start(this::pollUntilStopped);
    }

    /** Looks for the {@code ordinal}-th accepted lead of the run, answered with 201 at {@code acceptedAt}. */
    void expect(long ordinal, long acceptedAt) {
        waiting.put(ordinal, acceptedAt);
    }

    /** Waits up to {@code patience} for the leads still expected; returns how many never showed up. */
    int finish(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!waiting.isEmpty() && System.nanoTime() < deadline && poller.isAlive()) {
            LockSupport.parkNanos(50_000_000);
        }
        stopped = true;
        poller.join();
        http.close();
        return waiting.size();
    }

    /** The mean round trip of one poll, in milliseconds: the resolution of the end-to-end figures. */
    double meanPollMillis() {
        return polls.sum() == 0 ? 0 : pollNanos.sum() / 1e6 / polls.sum();
    }

    String problem() {
        return problem;
    }

    private void pollUntilStopped() {
        while (!stopped) {
            long sent = System.nanoTime();
            long leads;
            try {
                KeepAliveConnection.Answer response = http.get(poll, authorization);
                if (Access.denies(response.status())) {
                    problem = "analytics answered " + response.status() + ": "
                            + Access.whyDenied(response.status(), Roles.ANALYST);
                    return; // every poll would be denied: the leads still awaited are reported as never seen
                }
                if (response.status() != 200) {
                    problem = "analytics answered " + response.status() + ": " + response.body();
                    LockSupport.parkNanos(100_000_000);
                    continue;
                }
                leads = json.readTree(response.body()).path("leads").asLong();
            } catch (IOException e) {
                problem = "analytics did not answer: " + e;
                LockSupport.parkNanos(100_000_000);
                continue;
            }
            long answered = System.nanoTime();
            polls.increment();
            pollNanos.add(answered - sent);
            Iterator<Map.Entry<Long, Long>> seen = waiting.headMap(leads, true).entrySet().iterator();
            while (seen.hasNext()) {
                long acceptedAt = seen.next().getValue();
                // a 201 filed while this poll was under way is visible already: no negative latencies
                latencies.record(acceptedAt - measuredFrom, Math.max(0, answered - acceptedAt));
                seen.remove();
            }
            LockSupport.parkNanos(PAUSE_NANOS);
        }
    }
}
