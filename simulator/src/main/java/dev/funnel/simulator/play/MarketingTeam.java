package dev.funnel.simulator.play;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.contracts.access.Roles;
import dev.funnel.simulator.BusinessDay;
import dev.funnel.simulator.CampaignDay;
import dev.funnel.simulator.CampaignPlan;
import dev.funnel.simulator.LeadSource;
import dev.funnel.simulator.Person;
import dev.funnel.simulator.PlannedLead;
import dev.funnel.simulator.client.Answer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plays marketing's part of each day: launches the day's campaigns, reports each campaign's awareness
 * hour by hour and its spend once a day, and posts the leads at their moments; new leads are handed to
 * the sales team to follow.
 */
final class MarketingTeam {

    /** Marketing's limit for one awareness request. */
    static final int AWARENESS_PER_REQUEST = 10_000;

    private final RunContext run;
    private final SalesTeam sales;
    private final List<CampaignPlan> campaigns;
    private final Map<Integer, UUID> launched = new ConcurrentHashMap<>();
    private final List<Map<String, Object>> awareness = new ArrayList<>();
    private final AtomicLong forms = new AtomicLong();
    private final AtomicLong awarenessRequests = new AtomicLong();

    MarketingTeam(RunContext run, SalesTeam sales, List<CampaignPlan> campaigns) {
        this.run = run;
        this.sales = sales;
        this.campaigns = campaigns;
    }

    /** Launches the day's campaigns at once, then puts the rest of the day on the agenda. */
    void begin(BusinessDay day) {
        day.launches().forEach(this::launch);
        Instant start = run.clock().startOf(day.day());
        String date = run.clock().date(day.day()).toString();
        for (CampaignDay campaign : day.campaigns()) {
            UUID id = launched.get(campaign.campaign());
            if (id == null) {
                continue; // its launch was given up on: marketing would refuse its awareness and spend
            }
            for (CampaignDay.HourlyAwareness hour : campaign.hours()) {
                Instant end = start.plus(Duration.ofHours(hour.hour() + 1));
                run.agenda().at(end, () -> report(id, end.minus(Duration.ofMinutes(30)), hour));
            }
            // ad platforms report a day's spend once the day is over; the last hour is close enough
            run.agenda().at(start.plus(Duration.ofHours(23)).plus(Duration.ofMinutes(30)),
                    () -> run.inFlight().dispatch(() -> recordSpend(id, campaign, date, day.day())));
        }
        for (PlannedLead lead : day.leads()) {
            run.agenda().at(start.plusSeconds(lead.secondOfDay()), () -> run.inFlight().dispatch(() -> capture(lead)));
        }
    }

    private void launch(CampaignPlan campaign) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", nameOf(campaign.number()));
        body.put("channel", campaign.channel().name());
        body.put("budget", campaign.budget());
        body.put("currency", run.options().currency());
        body.put("startsOn", run.clock().date(campaign.startDay()));
        body.put("endsOn", run.clock().date(campaign.endDay()));
        Optional<Answer> answer = run.client().post(Roles.MARKETER, marketing("/api/campaigns"), body,
                run.key("campaign-" + campaign.number()), "launching " + campaign.name());
        answer.ifPresent(a -> {
            if (a.status() == 201) {
                launched.put(campaign.number(), UUID.fromString(a.body().path("id").asText()));
                run.ledger().campaignLaunched();
            } else {
                run.ledger().rejected("launching " + campaign.name() + ": " + a.problem());
            }
        });
    }

    /** Names carry the run's tag: leads name campaigns by name in their utm, and marketing takes the oldest of a name. */
    private String nameOf(int campaign) {
        return campaigns.get(campaign).name() + " · " + run.options().runTag();
    }

    private void report(UUID campaign, Instant occurredAt, CampaignDay.HourlyAwareness hour) {
        addAwareness(campaign, "IMPRESSION", hour.impressions(), occurredAt);
        addAwareness(campaign, "CLICK", hour.clicks(), occurredAt);
        addAwareness(campaign, "VISIT", hour.visits(), occurredAt);
    }

    private synchronized void addAwareness(UUID campaign, String kind, long count, Instant occurredAt) {
        if (count > 0) {
            awareness.add(Map.of("campaignId", campaign, "kind", kind, "count", count, "occurredAt", occurredAt));
        }
    }

    /** Sends the hours reported since the last call together: at a fast pace, many hours go in one request. */
    void flushAwareness() {
        List<Map<String, Object>> entries;
        synchronized (this) {
            if (awareness.isEmpty()) {
                return;
            }
            entries = List.copyOf(awareness);
            awareness.clear();
        }
        for (int from = 0; from < entries.size(); from += AWARENESS_PER_REQUEST) {
            List<Map<String, Object>> batch = entries.subList(from, Math.min(entries.size(), from + AWARENESS_PER_REQUEST));
            long number = awarenessRequests.getAndIncrement();
            run.inFlight().dispatch(() -> recordAwareness(batch, number));
        }
    }

    private void recordAwareness(List<Map<String, Object>> entries, long number) {
        run.client().post(Roles.LEAD_INTAKE, marketing("/api/awareness"), entries, run.key("awareness-" + number),
                entries.size() + " awareness entries").ifPresent(answer -> {
            if (answer.status() != 202) {
                run.ledger().rejected("awareness: " + answer.problem());
                return;
            }
            Set<Integer> rejected = new HashSet<>();
            for (JsonNode rejection : answer.body().path("rejected")) {
                rejected.add(rejection.path("index").asInt());
                run.ledger().rejected("an awareness entry: " + rejection.path("problem").toString());
            }
            for (int i = 0; i < entries.size(); i++) {
                if (!rejected.contains(i)) {
                    run.ledger().awarenessRecorded((String) entries.get(i).get("kind"), (Long) entries.get(i).get("count"));
                }
            }
        });
    }

    private void recordSpend(UUID campaign, CampaignDay day, String date, int dayNumber) {
        Map<String, Object> body = Map.of("amount", day.spend(), "currency", run.options().currency(), "spentOn", date);
        run.client().post(Roles.MARKETER, marketing("/api/campaigns/" + campaign + "/spend"), body,
                run.key("spend-" + day.campaign() + "-" + dayNumber), "spend of " + date).ifPresent(answer -> {
            if (answer.status() == 201) {
                run.ledger().spendRecorded(day.spend());
            } else {
                run.ledger().rejected("spend of " + date + ": " + answer.problem());
            }
        });
    }

    private void capture(PlannedLead lead) {
        long form = forms.getAndIncrement();
        run.ledger().leadSent();
        String what = "lead " + lead.person().email(run.options().runTag());
        run.client().post(Roles.LEAD_INTAKE, marketing("/api/leads"), leadBody(lead), run.key("lead-" + form), what).ifPresent(answer -> {
            if (answer.status() == 201 || answer.status() == 200) {
                run.ledger().leadAccepted(answer.status() == 201, false);
                if (answer.status() == 201 && lead.deal() != null) {
                    sales.follow(UUID.fromString(answer.body().path("id").asText()), lead.deal());
                }
            } else {
                run.ledger().rejected(what + ": " + answer.problem());
            }
        });
    }

    private Map<String, Object> leadBody(PlannedLead lead) {
        Person person = lead.person();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", person.email(run.options().runTag()));
        body.put("firstName", person.firstName());
        body.put("lastName", person.lastName());
        body.put("company", person.company());
        putIfPresent(body, "jobTitle", person.jobTitle());
        putIfPresent(body, "phone", person.phone());
        putIfPresent(body, "country", person.country());
        putIfPresent(body, "companySize", person.companySize());
        if (person.budget() != null) {
            body.put("budget", person.budget());
            body.put("currency", run.options().currency());
        }
        putIfPresent(body, "timeline", person.timeline());
        switch (lead.source()) {
            case LeadSource.CampaignForm form when launched.containsKey(form.campaign()) ->
                    body.put("campaignId", launched.get(form.campaign()));
            case LeadSource.CampaignForm form -> body.put("utm", utm(form.campaign())); // launch given up on
            case LeadSource.TrackedLink link -> body.put("utm", utm(link.campaign()));
            case LeadSource.Organic organic -> body.put("utm", Map.of("source", organic.source(), "medium", organic.medium()));
        }
        body.put("consent", Map.of("marketing", person.marketingConsent()));
        body.put("attributes", Map.of("form", person.form()));
        return body;
    }

    private Map<String, Object> utm(int campaign) {
        CampaignPlan plan = campaigns.get(campaign);
        return Map.of("source", plan.channel().utmSource(), "medium", plan.channel().utmMedium(),
                "campaign", nameOf(campaign));
    }

    private static void putIfPresent(Map<String, Object> body, String field, Object value) {
        if (value != null) {
            body.put(field, value);
        }
    }

    private URI marketing(String path) {
        return run.options().marketing().resolve(path);
    }
}
