package dev.funnel.simulator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a simulation sent and what the funnel confirmed. Only answers that confirm (201, 200, 202) count
 * as business; refusals (429, 5xx, no connection, no answer in time) are counted apart, retried, and
 * counted once more when given up on; answers that reject a request (any other 4xx) are counted too.
 * Calls denied for the token (401, 403) are counted apart from all of these: no business refused them.
 * Safe to use from many threads.
 */
public final class Ledger {

    /** How many problem descriptions are kept for the summary; the counters count every one. */
    static final int PROBLEMS_KEPT = 20;

    private final AtomicLong campaignsLaunched = new AtomicLong();
    private final AtomicLong spendRecords = new AtomicLong();
    private final AtomicReference<BigDecimal> spend = new AtomicReference<>(BigDecimal.ZERO);
    private final AtomicLong impressions = new AtomicLong();
    private final AtomicLong clicks = new AtomicLong();
    private final AtomicLong visits = new AtomicLong();
    private final AtomicLong leadsSent = new AtomicLong();
    private final AtomicLong leadsCreated = new AtomicLong();
    private final AtomicLong leadsDuplicate = new AtomicLong();
    private final AtomicLong referrals = new AtomicLong();
    private final AtomicLong qualified = new AtomicLong();
    private final Map<String, AtomicLong> reached = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lossReasons = new ConcurrentHashMap<>();
    private final AtomicReference<BigDecimal> revenue = new AtomicReference<>(BigDecimal.ZERO);
    private final AtomicLong refused = new AtomicLong();
    private final Map<String, AtomicLong> refusals = new ConcurrentHashMap<>();
    private final AtomicLong gaveUp = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong denied = new AtomicLong();
    private final List<String> problems = new ArrayList<>();

    public void campaignLaunched() {
        campaignsLaunched.incrementAndGet();
    }

    public void spendRecorded(BigDecimal amount) {
        spendRecords.incrementAndGet();
        spend.accumulateAndGet(amount, BigDecimal::add);
    }

    /** Awareness of one kind ({@code IMPRESSION}, {@code CLICK}, {@code VISIT}) that marketing accepted. */
    public void awarenessRecorded(String kind, long count) {
        switch (kind) {
            case "IMPRESSION" -> impressions.addAndGet(count);
            case "CLICK" -> clicks.addAndGet(count);
            case "VISIT" -> visits.addAndGet(count);
            default -> throw new IllegalArgumentException("no awareness kind " + kind);
        }
    }

    /** A form about to be posted, directly or as a referral: whatever its fate, it was sent. */
    public void leadSent() {
        leadsSent.incrementAndGet();
    }

    /**
     * Marketing accepted a lead: {@code created} for a new one (201), else a touch on a known email (200).
     * A referral is accepted by sales, which posted it to marketing.
     */
    public void leadAccepted(boolean created, boolean referral) {
        (created ? leadsCreated : leadsDuplicate).incrementAndGet();
        if (referral && created) {
            referrals.incrementAndGet();
        }
    }

    /** Sales listed the lead as qualified by its rules. */
    public void qualified() {
        qualified.incrementAndGet();
    }

    /** Sales confirmed a move; a WON carries its amount, a LOST its reason. */
    public void moved(String to, BigDecimal amount, String reason) {
        reached.computeIfAbsent(to, stage -> new AtomicLong()).incrementAndGet();
        if (to.equals("WON")) {
            revenue.accumulateAndGet(amount, BigDecimal::add);
        } else if (to.equals("LOST")) {
            lossReasons.computeIfAbsent(reason, r -> new AtomicLong()).incrementAndGet();
        }
    }

    /** One attempt the funnel refused or did not answer, for {@code reason} ("503", "timeout", ...); it is retried. */
    public void refused(String reason) {
        refused.incrementAndGet();
        refusals.computeIfAbsent(reason, r -> new AtomicLong()).incrementAndGet();
    }

    /**
     * Describes an attempt the service answered with a failure of its own, a 5xx other than 503 (it did
     * not say it was only unavailable). It is counted by {@link #refused} like every refusal; its
     * description is kept among the problems, since a sound service does not answer so.
     */
    public void failed(String what) {
        keep("failed: " + what);
    }

    /** A request given up after its retries: what it would have done is not in the ledger. */
    public void gaveUp(String what) {
        gaveUp.incrementAndGet();
        keep("gave up: " + what);
    }

    /** A request answered with a rejection (4xx other than 429): not retried, not in the ledger. */
    public void rejected(String what) {
        rejected.incrementAndGet();
        keep("rejected: " + what);
    }

    /** A request the services denied for the token (401, 403): not retried, not in the ledger. */
    public void denied(String what) {
        denied.incrementAndGet();
        keep("denied: " + what);
    }

    private void keep(String problem) {
        synchronized (problems) {
            if (problems.size() < PROBLEMS_KEPT) {
                problems.add(problem);
            }
        }
    }

    public Summary summary() {
        long moves = reached.values().stream().mapToLong(AtomicLong::get).sum();
        Map<String, Long> reasons = new TreeMap<>();
        lossReasons.forEach((reason, count) -> reasons.put(reason, count.get()));
        Map<String, Long> refusedBy = new TreeMap<>();
        refusals.forEach((reason, count) -> refusedBy.put(reason, count.get()));
        List<String> kept;
        synchronized (problems) {
            kept = List.copyOf(problems);
        }
        return new Summary(campaignsLaunched.get(), spendRecords.get(), spend.get(), impressions.get(), clicks.get(),
                visits.get(), leadsSent.get(), leadsCreated.get() + leadsDuplicate.get(), leadsCreated.get(),
                leadsDuplicate.get(), referrals.get(), qualified.get(), moves,
                count("CONTACTED"), count("PROPOSAL"), count("NEGOTIATION"), count("WON"), count("LOST"),
                revenue.get(), reasons, refused.get(), refusedBy, gaveUp.get(), rejected.get(), denied.get(), kept);
    }

    private long count(String stage) {
        AtomicLong count = reached.get(stage);
        return count == null ? 0 : count.get();
    }

    /**
     * The ledger at one moment.
     *
     * @param leadsAccepted created plus duplicate: every form marketing confirmed
     * @param leadsCreated  new leads, referrals included: what analytics counts as leads
     * @param qualified     new leads the simulation saw on sales' list of qualified leads; the ones qualified
     *                      in the last moments of a run may be missing
     * @param contacted     confirmed moves to CONTACTED; likewise proposals, negotiations, won and lost
     * @param refusedBy     refused attempts by reason: a status, {@code timeout} or {@code no connection}
     * @param denied        requests denied for the token (401 or 403)
     * @param problems      the first {@value #PROBLEMS_KEPT} server failures, rejections, give-ups and denials, described
     */
    public record Summary(long campaignsLaunched, long spendRecords, BigDecimal spend, long impressions, long clicks,
                          long visits, long leadsSent, long leadsAccepted, long leadsCreated, long leadsDuplicate,
                          long referrals, long qualified, long moves,
                          long contacted, long proposals, long negotiations, long won, long lost, BigDecimal revenue,
                          Map<String, Long> lossReasons, long refused, Map<String, Long> refusedBy, long gaveUp,
                          long rejected, long denied,
                          List<String> problems) {
    }
}
