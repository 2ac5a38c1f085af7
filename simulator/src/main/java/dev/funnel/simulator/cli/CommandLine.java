package dev.funnel.simulator.cli;

import dev.funnel.simulator.PlanSettings;
import dev.funnel.simulator.client.BearerToken;
import dev.funnel.simulator.play.Simulation;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The simulator's options, parsed from {@code --name value} pairs; every one but the token has a working
 * default, and the token may come from the environment instead.
 */
record CommandLine(Simulation.Options options, Path summaryJson) {

    static final String USAGE = """
            Usage: java -jar simulator.jar [options]

            Plays a seeded business against a running funnel through its public REST APIs: campaigns with
            budgets, daily spend and hourly awareness, leads from the visits, and a sales team working the
            qualified leads to won or lost. Prints progress, then what the funnel confirmed.

            Every request carries a bearer token with the roles %s
            (lead-intake: forms and awareness; marketer: campaigns and spend; sales: the sales team).
            A local funnel mints one: ./funnel token %s

              --token T              the bearer token (else FUNNEL_TOKEN from the environment, which
                                     keeps it out of the process list)
              --marketing URL        marketing-service (http://localhost:8081)
              --sales URL            sales-service (http://localhost:8082)
              --analytics URL        analytics-service (http://localhost:8083)
              --seed N               the plan's seed: the same seed plays the same business (1)
              --duration D           wall time to play, as 90s, 3m or PT3M (3m)
              --wind-down D          then let the sales team work open deals for up to D more (0s)
              --days-per-minute N    business days played per wall minute (20)
              --campaigns N          campaigns over the plan, on six channels (6)
              --leads-per-day N      new leads on an average weekday (20)
              --reps N               the sales team (5)
              --currency C           the funnel's reporting currency (USD)
              --run-tag T            marks this run's emails, campaign names and idempotency keys (from the clock)
              --max-in-flight N      requests under way at once (32)
              --give-up-after D      how long a refused request is retried (60s)
              --request-timeout D    how long one attempt waits for its answer (15s)
              --progress-every D     how often a progress line is printed (5s)
              --summary-json FILE    also write the ledger as JSON to FILE
              --roles                print the roles the token needs, comma-separated, and exit
              --help                 this text
            """.formatted(String.join(", ", Simulation.ROLES), String.join(",", Simulation.ROLES));

    private static final List<String> NAMES = List.of("token", "marketing", "sales", "analytics", "seed", "duration",
            "wind-down", "days-per-minute", "request-timeout", "campaigns", "leads-per-day", "reps", "currency", "run-tag", "max-in-flight",
            "give-up-after", "progress-every", "summary-json");

    /**
     * @param environment the environment's variables by name (FUNNEL_TOKEN); null for one that is unset
     * @throws IllegalArgumentException naming the option that is unknown or malformed, or the missing token
     */
    static CommandLine parse(String[] args, PrintStream out, UnaryOperator<String> environment) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || !NAMES.contains(arg.substring(2))) {
                throw new IllegalArgumentException("unknown option " + arg);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            given.put(arg.substring(2), args[++i]);
        }
        Duration duration = duration(given, "duration", "3m");
        double daysPerMinute = number(given, "days-per-minute", "20");
        PlanSettings plan = new PlanSettings((long) number(given, "seed", "1"),
                Simulation.daysFor(duration, daysPerMinute), (int) number(given, "campaigns", "6"),
                number(given, "leads-per-day", "20"), (int) number(given, "reps", "5"));
        Simulation.Options options = new Simulation.Options(
                url(given, "marketing", "http://localhost:8081"), url(given, "sales", "http://localhost:8082"),
                url(given, "analytics", "http://localhost:8083"), token(given, environment), plan, duration, duration(given, "wind-down", "0s"),
                daysPerMinute,
                given.getOrDefault("currency", "USD"), given.getOrDefault("run-tag", Simulation.tagForNow()),
                (int) number(given, "max-in-flight", "32"), duration(given, "give-up-after", "60s"),
                duration(given, "request-timeout", "15s"), duration(given, "progress-every", "5s"), out);
        return new CommandLine(options, given.containsKey("summary-json") ? Path.of(given.get("summary-json")) : null);
    }

    private static BearerToken token(Map<String, String> given, UnaryOperator<String> environment) {
        String token = given.containsKey("token") ? given.get("token") : environment.apply("FUNNEL_TOKEN");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("no token: give --token or set FUNNEL_TOKEN to a bearer token with roles "
                    + String.join(", ", Simulation.ROLES));
        }
        return new BearerToken(token);
    }

    private static URI url(Map<String, String> given, String name, String fallback) {
        String value = given.getOrDefault(name, fallback);
        if (!value.matches("https?://.+")) {
            throw new IllegalArgumentException("--" + name + " must be an http(s) URL, not " + value);
        }
        return URI.create(value.endsWith("/") ? value : value + "/");
    }

    private static double number(Map<String, String> given, String name, String fallback) {
        try {
            double value = Double.parseDouble(given.getOrDefault(name, fallback));
            if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number of at least 0, not " + given.get(name));
        }
    }

    /** 90s, 3m, 1h or an ISO-8601 duration such as PT3M. */
    static Duration duration(Map<String, String> given, String name, String fallback) {
        String value = given.getOrDefault(name, fallback).trim();
        try {
            if (value.matches("\\d+(ms|s|m|h)")) {
                long amount = Long.parseLong(value.replaceAll("\\D", ""));
                return switch (value.replaceAll("\\d", "")) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
            }
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--" + name + " must be a duration such as 90s, 3m or PT3M, not " + value);
        }
    }
}
