package dev.funnel.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The metrics the Grafana dashboard queries and the service that exports each, as listed in
 * {@code deploy/grafana/dashboard-metrics.txt}: the one list both sides are checked against. Each service's
 * metrics test proves its lines against a real scrape; the dashboard's own test proves it queries exactly these.
 */
public final class DashboardMetrics {

    /** Where the list lives, from the repository's root. */
    public static final String LIST = "deploy/grafana/dashboard-metrics.txt";
    /** Where the dashboard lives, from the repository's root. */
    public static final String DASHBOARD = "deploy/grafana/funnel-dashboard.json";
    /** In the list's service column: every service exports it. */
    public static final String EVERY_SERVICE = "*";

    private DashboardMetrics() {
    }

    /** Each listed metric with the services that export it, comma-separated ({@value #EVERY_SERVICE} for all of them). */
    public static Map<String, String> listed() {
        Map<String, String> listed = new LinkedHashMap<>();
        for (String line : lines(LIST)) {
            String entry = line.replaceAll("#.*", "").strip();
            if (entry.isEmpty()) {
                continue;
            }
            String[] parts = entry.split("\\s+");
            if (parts.length != 2) {
                throw new IllegalStateException(LIST + ": '" + line + "' is not 'service[,service...] metric'");
            }
            if (listed.put(parts[1], parts[0]) != null) {
                throw new IllegalStateException(LIST + ": " + parts[1] + " is listed twice");
            }
        }
        return listed;
    }

    /** The listed metrics this service must export: its own and those of every service. */
    public static Set<String> exportedBy(String service) {
        Set<String> names = new LinkedHashSet<>();
        listed().forEach((name, owner) -> {
            if (owner.equals(EVERY_SERVICE) || List.of(owner.split(",")).contains(service)) {
                names.add(name);
            }
        });
        return names;
    }

    /** A file of the repository by its path from the root. */
    public static Path file(String path) {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(path))) {
                return dir.resolve(path);
            }
        }
        throw new IllegalStateException("no " + path + " in " + start + " or any folder above it");
    }

    private static Iterable<String> lines(String path) {
        try {
            return Files.readAllLines(file(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
