package dev.funnel.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One answer of {@code /q/metrics}, read as the Prometheus text exposition format (version 0.0.4) the way
 * Prometheus reads it: {@code # TYPE} and {@code # HELP} lines, and samples {@code name{label="value",...} value
 * [timestamp]} with escaped label values. A line that is none of these fails the parse, so a test that reads a
 * scrape also proves Prometheus could. OpenMetrics, which Quarkus answers to a client accepting anything, reads the
 * same way (its {@code # EOF} and {@code # UNIT} are comments here).
 */
public final class MetricsScrape {

    /** The Accept header that asks {@code /q/metrics} for the Prometheus text format rather than OpenMetrics. */
    public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4";

    /** One sample line: the series' name, its labels in the order written, and its value. */
    public record Sample(String name, Map<String, String> labels, double value) {

        /** Whether every label given as name, value, name, value... has that value here. */
        public boolean has(String... labelPairs) {
            for (int i = 0; i + 1 < labelPairs.length; i += 2) {
                if (!labelPairs[i + 1].equals(labels.get(labelPairs[i]))) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final List<String> SERIES_SUFFIXES = List.of("_total", "_bucket", "_count", "_sum", "_created");

    private final List<Sample> samples;
    private final Map<String, String> types;

    private MetricsScrape(List<Sample> samples, Map<String, String> types) {
        this.samples = List.copyOf(samples);
        this.types = Collections.unmodifiableMap(types);
    }

    /** Reads a whole scrape; {@link IllegalArgumentException} naming the line when one is not in the format. */
    public static MetricsScrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        Map<String, String> types = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            try {
                if (line.isEmpty()) {
                    continue;
                }
                if (line.startsWith("#")) {
                    comment(line, types);
                } else {
                    samples.add(new LineReader(line).sample());
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line " + (n + 1) + " is not Prometheus text (" + e.getMessage()
                        + "): " + lines[n], e);
            }
        }
        return new MetricsScrape(samples, types);
    }

    /** Every sample, in the order of the scrape. */
    public List<Sample> samples() {
        return samples;
    }

    /** The samples of one series name (for a counter, the name with {@code _total}). */
    public List<Sample> samples(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** Every series name with at least one sample. */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        samples.forEach(s -> names.add(s.name()));
        return names;
    }

    /**
     * The type {@code # TYPE} declares ({@code counter}, {@code gauge}, ...) for a family or for the family of a series
     * name: the exporter names a counter's family without the {@code _total} its samples carry, a histogram's
     * without {@code _bucket}, {@code _count} and {@code _sum}. Null when nothing declares one.
     */
    public String type(String name) {
        if (types.containsKey(name)) {
            return types.get(name);
        }
        for (String suffix : SERIES_SUFFIXES) {
            if (name.endsWith(suffix) && types.containsKey(name.substring(0, name.length() - suffix.length()))) {
                return types.get(name.substring(0, name.length() - suffix.length()));
            }
        }
        return null;
    }

    /** The sum of the samples of {@code name} that have the given labels (name, value, ...); 0 when none has. */
    public double sum(String name, String... labelPairs) {
        return samples(name).stream().filter(s -> s.has(labelPairs)).mapToDouble(Sample::value).sum();
    }

    /** Whether {@code name} has a sample with the given labels (name, value, ...). */
    public boolean has(String name, String... labelPairs) {
        return samples(name).stream().anyMatch(s -> s.has(labelPairs));
    }

    private static void comment(String line, Map<String, String> types) {
        String[] parts = line.substring(1).strip().split("\\s+", 3);
        if (parts[0].equals("TYPE")) {
            if (parts.length < 3 || !Set.of("counter", "gauge", "histogram", "summary", "untyped").contains(parts[2])) {
                throw new IllegalArgumentException("a TYPE line needs a name and a known type");
            }
            types.put(parts[1], parts[2]);
        } else if (parts[0].equals("HELP") && parts.length < 2) {
            throw new IllegalArgumentException("a HELP line needs a name");
        }
    }

    /** Reads one sample line from left to right. */
    private static final class LineReader {

        private final String line;
        private int at;

        LineReader(String line) {
            this.line = line;
        }

        Sample sample() {
            String name = name();
            Map<String, String> labels = new LinkedHashMap<>();
            if (at < line.length() && line.charAt(at) == '{') {
                at++;
                labels(labels);
            }
            String afterLabels = line.substring(at).strip();
            // OpenMetrics may end a sample with an exemplar, "# {trace_id=...} value [timestamp]": the trace
            // of one observation (Micrometer adds them when tracing is on); it is not part of the value
            int exemplar = afterLabels.indexOf(" # ");
            if (exemplar >= 0) {
                if (!afterLabels.substring(exemplar + 3).strip().startsWith("{")) {
                    throw new IllegalArgumentException("an exemplar starts with its labels");
                }
                afterLabels = afterLabels.substring(0, exemplar);
            }
            String[] rest = afterLabels.split("\\s+");
            if (rest.length < 1 || rest.length > 2 || rest[0].isEmpty()) {
                throw new IllegalArgumentException("a value (and at most a timestamp) must follow the labels");
            }
            if (rest.length == 2) {
                Long.parseLong(rest[1]);
            }
            return new Sample(name, Collections.unmodifiableMap(labels), value(rest[0]));
        }

        private String name() {
            int start = at;
            while (at < line.length() && isNameChar(line.charAt(at), at == start)) {
                at++;
            }
            if (at == start) {
                throw new IllegalArgumentException("no metric name at column " + (start + 1));
            }
            return line.substring(start, at);
        }

        private void labels(Map<String, String> labels) {
            while (true) {
                skipSpaces();
                if (peek() == '}') {
                    at++;
                    return;
                }
                String label = name();
                skipSpaces();
                expect('=');
                skipSpaces();
                expect('"');
                StringBuilder value = new StringBuilder();
                while (peek() != '"') {
                    char c = line.charAt(at++);
                    if (c == '\\') {
                        char escaped = line.charAt(at++);
                        value.append(switch (escaped) {
                            case 'n' -> '\n';
                            case '\\' -> '\\';
                            case '"' -> '"';
                            default -> throw new IllegalArgumentException("unknown escape \\" + escaped);
                        });
                    } else {
                        value.append(c);
                    }
                }
                at++;
                if (labels.put(label, value.toString()) != null) {
                    throw new IllegalArgumentException("label " + label + " twice");
                }
                skipSpaces();
                if (peek() == ',') {
                    at++;
                } else if (peek() != '}') {
                    throw new IllegalArgumentException("',' or '}' expected at column " + (at + 1));
                }
            }
        }

        private static double value(String text) {
            return switch (text) {
                case "+Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                case "NaN" -> Double.NaN;
                default -> Double.parseDouble(text);
            };
        }

        private static boolean isNameChar(char c, boolean first) {
            return c == '_' || c == ':' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9');
        }

        private char peek() {
            if (at >= line.length()) {
                throw new IllegalArgumentException("the line ends inside the labels");
            }
            return line.charAt(at);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw new IllegalArgumentException("'" + c + "' expected at column " + (at + 1));
            }
            at++;
        }

        private void skipSpaces() {
            while (at < line.length() && line.charAt(at) == ' ') {
                at++;
            }
        }
    }
}
