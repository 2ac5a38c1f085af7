package dev.funnel.simulator.play;

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

/**
 * Plays the sales reps: waits for each new lead to show up in sales (it travels there through Kafka),
 * works the qualified ones through their deal's moves at the deal's pace, and posts the referrals won
 * customers make. Sales assigns the owner; the move is made in that rep's name.
 */
final class SalesTeam {

    /** Sales usually has a lead within a second; the first look comes a little later, then again every half second. */
    private static final Duration FIRST_LOOK = Duration.ofMillis(300);
    private static final Duration LOOK_AGAIN = Duration.ofMillis(500);
    /** In business time: the quickest a rep looks at a new lead. */
    private static final Duration SPEED_TO_LEAD = Duration.ofMinutes(15);

    private final RunContext run;
    private final Map<UUID, String> reps = new ConcurrentHashMap<>();

    SalesTeam(RunContext run) {
        this.run = run;
    }

    /** Adds the team to sales' reps, one by one, before the business starts. */
    void hire(List<String> names) {
        for (String name : names) {
            String email = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", ".") + "."
                    + run.options().runTag() + "@sales-team.example";
            run.client().post(sales("/api/reps"), Map.of("name", name, "email", email), null, "hiring " + name)
                    .ifPresent(answer -> {
                        if (answer.status() == 201) {
                            reps.put(UUID.fromString(answer.body().path("id").asText()), name);
                        } else {
                            run.ledger().rejected("hiring " + name + ": " + answer.problem());
                        }
                    });
        }
    }

    /** A new lead marketing accepted: look for it in sales, then play its deal if sales qualifies it. */
    void follow(UUID lead, Deal deal) {
        Instant speedToLead = run.clock().now().plus(SPEED_TO_LEAD);
        Instant firstLook = run.clock().afterWall(FIRST_LOOK);
        long since = System.nanoTime();
        run.agenda().at(later(speedToLead, firstLook), () -> run.inFlight().dispatch(() -> look(lead, deal, since)));
    }

    private void look(UUID lead, Deal deal, long since) {
        Optional<Answer> answer = run.client().get(sales("/api/leads/" + lead), "reading lead " + lead);
        if (answer.isEmpty()) {
            return;
        }
        String stage = answer.get().status() == 200 ? answer.get().body().path("stage").asText() : "";
        switch (stage) {
            case "QUALIFIED" -> {
                run.ledger().qualified();
                UUID owner = uuidOrNull(answer.get().body().path("ownerId").asText());
                String rep = owner == null ? "sales" : reps.getOrDefault(owner, "sales");
                schedule(lead, deal, 0, rep, run.clock().now());
            }
            case "DISQUALIFIED" -> run.ledger().disqualified();
            case "", "NEW" -> {
                if (answer.get().status() != 200 && answer.get().status() != 404) {
                    run.ledger().rejected("reading lead " + lead + ": " + answer.get().problem());
                } else if (Duration.ofNanos(System.nanoTime() - since).compareTo(run.options().giveUpAfter()) < 0) {
                    run.agenda().at(run.clock().afterWall(LOOK_AGAIN), () -> run.inFlight().dispatch(() -> look(lead, deal, since)));
                } else {
                    run.ledger().unseen();
                    run.ledger().gaveUp("lead " + lead + " never showed up in sales");
                }
            }
            default -> {
                // someone else works this lead already; it is not the simulation's to move
            }
        }
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
        Optional<Answer> answer = run.client().post(sales("/api/leads/" + lead + "/transitions"), body, null, what);
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
        return run.client().get(sales("/api/leads/" + lead), "reading lead " + lead)
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
        run.client().post(sales("/api/leads/" + customer + "/referrals"), body, run.key("referral-" + friend.number()),
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

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
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
