package dev.funnel.load.bench;

import dev.funnel.load.Access;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What {@code ./funnel bench} was asked for. Defaults match {@code ./funnel up}'s ports.
 *
 * @param rate           leads a second, due by the clock; 0 for flat out
 * @param seconds        the measured part of the run
 * @param warmupSeconds  load before the measured part, not counted: a fresh JVM is slow for a while
 * @param sampleEvery    every n-th accepted lead is looked for in analytics
 * @param ceilingSeconds how long each raw rate (Kafka producer, PostgreSQL inserts) is measured; 0 skips them
 * @param token          the bearer token every call carries, with the roles {@link Bench#ROLES}
 */
record BenchOptions(int rate, int seconds, int warmupSeconds, int connections, int sampleEvery, int ceilingSeconds,
                    URI marketing, URI analytics, String bootstrap, String postgres, String currency, Path out,
                    String token) {

    static final String USAGE = """
            usage: Bench [--rate N | --flat-out] [--seconds S] [--connections C] [--warmup S] [--sample-every N]
                         [--ceiling-seconds S] [--marketing URL] [--analytics URL] [--kafka HOST:PORT]
                         [--postgres jdbc:postgresql://HOST:PORT/] [--currency USD] [--out DIR] [--token T]
            --token: a bearer token with the roles %s (else FUNNEL_TOKEN from the environment,
                     which keeps it out of the process list; a local funnel mints one: ./funnel token %s)
            defaults: --rate 1000 --seconds 60 --connections 64 --warmup 10 --sample-every 10 --ceiling-seconds 10
                      --marketing http://localhost:8081 --analytics http://localhost:8083 --kafka 127.0.0.1:19092
                      --postgres jdbc:postgresql://localhost:15432/ --out target/bench"""
            .formatted(String.join(", ", Bench.ROLES), String.join(",", Bench.ROLES));

    boolean flatOut() {
        return rate == 0;
    }

    /** Never the token itself: it would end up in logs. */
    @Override
    public String toString() {
        return "BenchOptions[rate=" + rate + ", seconds=" + seconds + ", connections=" + connections + ", marketing="
                + marketing + ", analytics=" + analytics + ", out=" + out + "]";
    }

    /** Reads the arguments; an unknown option or a bad number is an {@link IllegalArgumentException} naming it. */
    static BenchOptions parse(String... args) {
        return parse(System::getenv, args);
    }

    /** As {@link #parse(String...)}, the token from {@code environment} when no option gives one. */
    static BenchOptions parse(UnaryOperator<String> environment, String... args) {
        int rate = 1000;
        int seconds = 60;
        int warmup = 10;
        int connections = 64;
        int sampleEvery = 10;
        int ceilingSeconds = 10;
        URI marketing = URI.create("http://localhost:8081");
        URI analytics = URI.create("http://localhost:8083");
        String bootstrap = "127.0.0.1:19092";
        String postgres = "jdbc:postgresql://localhost:15432/";
        String currency = "USD";
        Path out = Path.of("target", "bench");
        String token = null;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String option = rest.removeFirst();
            if (option.equals("--flat-out")) {
                rate = 0;
                continue;
            }
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(option.startsWith("--") ? option + " needs a value" : "unknown argument " + option);
            }
            String value = rest.removeFirst();
            switch (option) {
                case "--rate" -> rate = positive(option, value);
                case "--seconds" -> seconds = positive(option, value);
                case "--warmup" -> warmup = atLeastZero(option, value);
                case "--connections" -> connections = positive(option, value);
                case "--sample-every" -> sampleEvery = positive(option, value);
                case "--ceiling-seconds" -> ceilingSeconds = atLeastZero(option, value);
                case "--marketing" -> marketing = URI.create(value);
                case "--analytics" -> analytics = URI.create(value);
                case "--kafka" -> bootstrap = value;
                case "--postgres" -> postgres = value.endsWith("/") ? value : value + "/";
                case "--currency" -> currency = value;
                case "--out" -> out = Path.of(value);
                case "--token" -> token = value;
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return new BenchOptions(rate, seconds, warmup, connections, sampleEvery, ceilingSeconds, marketing, analytics,
                bootstrap, postgres, currency, out, Access.token(token, environment, Bench.ROLES));
    }

    private static int positive(String option, String value) {
        int n = atLeastZero(option, value);
        if (n == 0) {
            throw new IllegalArgumentException(option + " must be at least 1");
        }
        return n;
    }

    private static int atLeastZero(String option, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw new IllegalArgumentException(option + " must not be negative, not " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not '" + value + "'");
        }
    }
}
