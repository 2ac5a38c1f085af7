package dev.funnel.marketing.api;

import dev.funnel.marketing.Captured;
import dev.funnel.marketing.LeadCapture;
import dev.funnel.marketing.NewLead;
import dev.funnel.marketing.config.MarketingConfig;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Captures the single leads posted at about the same moment together, in one transaction: the cost of a
 * transaction (begin, commit, the write-ahead log flush, a pooled connection, and the relay's round that
 * follows each commit) is shared by a whole group instead of paid per lead. A committer takes whatever has
 * gathered while it was busy; when that is only a few leads it waits for more, until it holds
 * {@link #SMALL_GROUP} or {@code funnel.capture.linger} (5 ms) has passed, as a Kafka producer's batch waits
 * until it is full or its linger ends. Without that wait a moderate rate was committed
 * nearly lead by lead: at 1,000 leads/s, with the consumers paused, 900-1,100 transactions a second, and
 * marketing and its database kept 1.25-1.32 cores busy; with a wait 420-480 and 0.89-0.90 (0.94 in one run
 * of this rule). Under a flood the groups that gather while a committer is busy hold 8 leads or more (up to
 * hundreds) and go at once. Every lead is still answered only after its own transaction committed.
 *
 * <p>A group that fails as a whole (another instance created the same email a moment earlier, or one
 * lead the database refuses) is captured again lead by lead, each in its own transaction, so one
 * lead's failure is that lead's answer alone.
 */
@ApplicationScoped
public class GroupedCapture {

    private static final Logger LOG = Logger.getLogger(GroupedCapture.class);
    /**
     * A group smaller than this waits for more leads: its transaction's fixed cost is still a large part of
     * what each of its leads costs.
     */
    static final int SMALL_GROUP = 8;

    /**
     * A posted lead waiting for its group's commit, where its answer goes, and the trace of its request:
     * the committer works under it while capturing this lead, so the lead's event continues its own
     * request's trace rather than the committer's or another lead's.
     */
    private record Waiting(LeadRequest request, CompletableFuture<Response> answer, Context trace) {
    }

    @Inject
    LeadCapture capture;

    @Inject
    LeadRequestRules rules;

    @Inject
    IdempotentRequests single;

    @Inject
    MarketingConfig config;

    @Inject
    MeterRegistry registry;

    private DistributionSummary groupSizes;

    private BlockingQueue<Waiting> waiting;
    private final List<Thread> committers = new ArrayList<>();
    private volatile boolean open;

    void start(@Observes StartupEvent started) {
        waiting = new ArrayBlockingQueue<>(config.capture().maxWaiting());
        groupSizes = DistributionSummary.builder("funnel.capture.group.size")
                .description("Single leads committed together in one transaction")
                .register(registry);
        open = true;
        for (int i = 1; i <= config.capture().committers(); i++) {
            committers.add(Thread.ofPlatform().name("lead-capture-" + i).daemon().start(this::commitGroups));
        }
    }

    /** Stops taking leads, then lets the committers finish every lead already taken. */
    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        open = false;
        for (Thread committer : committers) {
            committer.join(Duration.ofSeconds(10));
        }
    }

    /**
     * The answer to one posted lead (already valid field by field): 201 or 200 with its id, or an
     * exception (422 for a rule it breaks, 503 when too many leads are waiting).
     */
    public CompletionStage<Response> capture(LeadRequest request) {
        CompletableFuture<Response> answer = new CompletableFuture<>();
        if (!open || !waiting.offer(new Waiting(request, answer, Context.current()))) {
            answer.completeExceptionally(new ServiceUnavailableException(
                    "Too many leads are waiting to be stored; retry in a moment."));
        }
        return answer;
    }

    private void commitGroups() {
        int max = config.capture().maxGroup();
        List<Waiting> group = new ArrayList<>(max);
        while (open || !waiting.isEmpty()) {
            try {
                Waiting first = waiting.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                waiting.drainTo(group, max - 1);
                gatherSmallGroup(waiting, group, max, config.capture().linger());
                groupSizes.record(group.size());
                commit(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // commit answers every lead itself; this is a last guard so the committer never dies
                LOG.error("a lead capture group failed unexpectedly", e);
                group.forEach(w -> w.answer().completeExceptionally(e));
            } finally {
                group.clear();
            }
        }
    }

    /**
     * Tops up a group that is still small: waits for leads until it holds {@link #SMALL_GROUP} or the linger
     * has passed, whichever comes first, then takes whatever else is waiting. Under a flood the eighth lead
     * arrives in well under a millisecond, so the committer goes almost at once. A fixed sleep of the whole
     * linger there left 0.28-0.42 of the two cores idle with 64 connections posting flat out: their leads
     * sat in a sleeping committer's group and in a committing one. A group never grows past {@code max}.
     * Interrupted, the committer still commits the leads it holds; its next wait then ends the loop.
     */
    static <T> void gatherSmallGroup(BlockingQueue<T> waiting, List<T> group, int max, Duration linger) {
        if (!lingers(group.size(), linger)) {
            return;
        }
        long deadline = System.nanoTime() + linger.toNanos();
        int enough = Math.min(SMALL_GROUP, max);
        try {
            while (group.size() < enough) {
                T next = waiting.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (next == null) {
                    break;
                }
                group.add(next);
                waiting.drainTo(group, max - group.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        waiting.drainTo(group, max - group.size());
    }

    /** Whether a committer holding {@code gathered} leads waits for more before it commits. */
    static boolean lingers(int gathered, Duration linger) {
        return gathered < SMALL_GROUP && linger.isPositive();
    }

    private void commit(List<Waiting> group) {
        List<Response> answers;
        try {
            answers = QuarkusTransaction.requiringNew().call(() -> captureAll(group));
        } catch (RuntimeException e) {
            if (group.size() > 1) {
                LOG.debugf("a group of %d leads failed (%s); capturing them one by one", group.size(), e.getMessage());
            }
            group.forEach(this::captureAlone);
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).answer().complete(answers.get(i));
        }
    }

    /**
     * Inside the group's transaction: a lead that breaks a rule is answered 422 and left out; the others'
     * leads and campaigns are looked up together, then each is captured under its own request's trace.
     */
    private List<Response> captureAll(List<Waiting> group) {
        Response[] answers = new Response[group.size()];
        List<NewLead> valid = new ArrayList<>(group.size());
        for (int i = 0; i < group.size(); i++) {
            List<Problem.FieldError> broken = rules.check(group.get(i).request());
            if (broken.isEmpty()) {
                valid.add(group.get(i).request().toNewLead(config.currency()));
            } else {
                answers[i] = Problem.invalid(broken).toResponse();
            }
        }
        capture.lookUpAhead(valid);
        Iterator<NewLead> next = valid.iterator();
        for (int i = 0; i < group.size(); i++) {
            if (answers[i] == null) {
                try (Scope traced = group.get(i).trace().makeCurrent()) {
                    answers[i] = answer(capture.capture(next.next()));
                }
            }
        }
        return Arrays.asList(answers);
    }

    /** One lead in its own transaction, as a request with no Idempotency-Key would be. */
    private void captureAlone(Waiting lead) {
        try (Scope traced = lead.trace().makeCurrent()) {
            List<Problem.FieldError> broken = QuarkusTransaction.requiringNew().call(() -> rules.check(lead.request()));
            if (!broken.isEmpty()) {
                lead.answer().complete(Problem.invalid(broken).toResponse());
                return;
            }
            lead.answer().complete(single.run(null, lead.request(),
                    () -> LeadResource.CaptureResult.answer(capture.capture(lead.request().toNewLead(config.currency())))));
        } catch (RuntimeException e) {
            lead.answer().completeExceptionally(e);
        }
    }

    private static Response answer(Captured captured) {
        IdempotentRequests.Answer answer = LeadResource.CaptureResult.answer(captured);
        return Response.status(answer.status())
                .entity(answer.body())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
