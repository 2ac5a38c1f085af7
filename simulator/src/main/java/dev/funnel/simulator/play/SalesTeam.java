package dev.funnel.simulator.play;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.contracts.access.Roles;
import dev.funnel.simulator.Deal;
import dev.funnel.simulator.Person;
import dev.funnel.simulator.client.Answer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Plays the sales reps: watches sales' list of qualified leads for the new leads it follows (they
 * travel there through Kafka and are qualified by sales' own rules), works them through their deal's
 * moves at the deal's pace, and posts the referrals won
 * customers make. Sales assigns the owner; the move is made in that rep's name.
 */
final class SalesTeam {

    /** The most leads sales lists on one page. */
    private static final int PAGE = 500;
    /** Sales qualifies a lead within seconds, or within minutes of an outage ending. */
    private static final Duration AWAITED_AT_MOST = Duration.ofMinutes(10);

    private static final int CONFLICT_ATTEMPTS = 5;
    private static final Duration CONFLICT_PAUSE = Duration.ofMillis(200);

    /** A lead followed until sales qualifies it: its deal, and since when (wall nanos). */
    private record Awaited(Deal deal, long since) {
    }

    private final RunContext run;
    private final Map<UUID, String> reps = new ConcurrentHashMap<>();
    private final Map<UUID, Awaited> awaiting = new ConcurrentHashMap<>();
    private final AtomicBoolean looking = new AtomicBoolean();

    SalesTeam(RunContext run) {
        this.run = run;
    }

    /** Adds the team to sales' reps, one by one, before the business starts. */
    void hire(List<String> names) {
        for (String name : names) {
            if (run.client().denial().isPresent()) {
                return; // the next would be denied too
            }
            String email = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", ".") + "."
                    + run.options().runTag() + "@sales-team.example";
            run.client().post(Roles.SALES, sales("/api/reps"), Map.of("name", name, "email", email), null, "hiring " + name)
                    .ifPresent(answer -> {
                        if (answer.status() == 201) {
                            reps.put(UUID.fromString(answer.body().path("id").asText()), name);
                        } else {
                            run.ledger().rejected("hiring " + name + ": " + answer.problem());
                        }
                    });
        }
    }

    /** A new lead marketing accepted: once sales lists it as qualified, its deal is played. */
    void follow(UUID lead, Deal deal) {
        awaiting.put(lead, new Awaited(deal, System.nanoTime()));
    }

    /**
     * Reads sales' list of qualified leads, page by page, and starts the deals of the followed ones on
     * it. One list request serves every lead awaited, where a read per lead would poll sales harder the
     * further behind it falls. Leads a rep has not contacted yet stay on the list, so none is missed;
     * one still awaited after {@link #AWAITED_AT_MOST} was disqualified (or never arrived) and is let go.
     */
    /** True while some lead is still awaited. */
    boolean awaitsLeads() {
        return !awaiting.isEmpty();
    }

    void lookForQualified() {
        if (awaiting.isEmpty() || !looking.compareAndSet(false, true)) {
            return;
        }
        run.inFlight().dispatch(() -> {
            try {
                for (int page = 0; ; page++) {
                    Optional<Answer> answer = run.client().get(Roles.SALES,
                            sales("/api/leads?stage=QUALIFIED&size=" + PAGE + "&page=" + page), "listing qualified leads");
                    if (answer.isEmpty() || answer.get().status() != 200) {
                        answer.ifPresent(a -> run.ledger().rejected("listing qualified leads: " + a.problem()));
                        return;
                    }
                    for (JsonNode listed : answer.get().body()) {
                        UUID id = uuidOrNull(listed.path("id").asText());
                        Awaited awaited = id == null ? null : awaiting.remove(id);
                        if (awaited != null) {
                            run.ledger().qualified();
                            UUID owner = uuidOrNull(listed.path("ownerId").asText());
                            String rep = owner == null ? "sales" : reps.getOrDefault(owner, "sales");
                            schedule(id, awaited.deal(), 0, rep, run.clock().now());
                        }
                    }
                    if (answer.get().body().size() < PAGE) {
                        break;
                    }
                }
                long oldest = System.nanoTime() - AWAITED_AT_MOST.toNanos();
                awaiting.values().removeIf(awaited -> awaited.since() < oldest);
            } finally {
                looking.set(false);
            }
        });
    }

    private void schedule(UUID lead, Deal deal, int move, String rep, Instant after) {
        Instant when = BusinessClock.plusDays(after, deal.moves().get(move).afterDays());
        run.agenda().at(when, () -> run.inFlight().dispatch(() -> move(lead, deal, move, rep)));
    }

    private void move(UUID lead, Deal deal, int index, String rep) {
        Deal.Move move = deal.moves().get(index);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", move.to());
        if (move.amount() != null) {
            body.put("amount", move.amount());
            body.put("currency", run.options().currency());
        }
        if (move.reason() != null) {
            body.put("reason", move.reason());
        }
        body.put("by", rep);
        String what = "moving lead " + lead + " to " + move.to();
        Optional<Answer> answer = Optional.empty();
        for (int attempt = 1; attempt <= CONFLICT_ATTEMPTS; attempt++) {
            answer = run.client().post(Roles.SALES, sales("/api/leads/" + lead + "/transitions"), body, null, what);
            if (answer.isEmpty() || !isConcurrentChange(answer.get())) {
                break;
            }
            pause(CONFLICT_PAUSE); // sales changed the lead meanwhile (a touch, say): read afresh and try again
        }
        if (answer.isEmpty()) {
            return;
        }
        if (answer.get().status() != 200 && !(answer.get().status() == 409 && alreadyAt(lead, move.to()))) {
            run.ledger().rejected(what + ": " + answer.get().problem());
            return;
        }
        run.ledger().moved(move.to(), move.amount(), move.reason());
        Instant now = run.clock().now();
        if (index + 1 < deal.moves().size()) {
            schedule(lead, deal, index + 1, rep, now);
        } else if (deal.referral() != null) {
            Deal.Referral referral = deal.referral();
            run.agenda().at(BusinessClock.plusDays(now, referral.afterDays()),
                    () -> run.inFlight().dispatch(() -> refer(lead, referral, rep)));
        }
    }

    /**
     * A move sent again after no answer may find it made the first time (409 from the stage it reached):
     * sales' own view of the lead confirms it then.
     */
    private boolean alreadyAt(UUID lead, String stage) {
        return run.client().get(Roles.SALES, sales("/api/leads/" + lead), "reading lead " + lead)
                .filter(a -> a.status() == 200)
                .map(a -> a.body().path("stage").asText().equals(stage))
                .orElse(false);
    }

    private void refer(UUID customer, Deal.Referral referral, String rep) {
        Person friend = referral.person();
        String email = friend.email(run.options().runTag());
        run.ledger().leadSent();
        Map<String, Object> body = Map.of("email", email, "firstName", friend.firstName(), "lastName",
                friend.lastName(), "company", friend.company(), "by", rep);
        String what = "referral of " + email;
        run.client().post(Roles.SALES, sales("/api/leads/" + customer + "/referrals"), body, run.key("referral-" + friend.number()),
                what).ifPresent(answer -> {
            if (answer.status() == 201 || answer.status() == 200) {
                run.ledger().leadAccepted(answer.status() == 201, true);
                if (answer.status() == 201) {
                    follow(UUID.fromString(answer.body().path("leadId").asText()), referral.deal());
                }
            } else {
                run.ledger().rejected(what + ": " + answer.problem());
            }
        });
    }

    /** A 409 for a write that met another one, as opposed to a move the pipeline does not have. */
    private static boolean isConcurrentChange(Answer answer) {
        return answer.status() == 409 && !answer.body().path("type").asText().endsWith("/illegal-move");
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static UUID uuidOrNull(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private URI sales(String path) {
        return run.options().sales().resolve(path);
    }
}
