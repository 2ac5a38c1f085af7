package dev.funnel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds SQL built from values in Java sources: a call that executes SQL (JDBC, a JPA query, a Panache query
 * string) given a string made with {@code +} from something other than literals and constants, or with
 * {@code String.format}, {@code formatted}, {@code String.join}, {@code concat} or a {@code StringBuilder}.
 * A variable passed in is followed to its assignment in the same file. It reads the text, not the types: a
 * tripwire for the shape that lets a value into SQL, not a proof that none can; values belong in bound
 * parameters, and what cannot be bound (a schema's name, say) is listed by the caller as reviewed.
 */
public final class ConcatenatedSql {

    /** One call given SQL built from values: where, and the argument as written. */
    public record Finding(String file, int line, String call, String argument) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + call + "(" + argument + ")";
        }
    }

    /** Calls that take nothing but SQL (or JPQL/HQL) as their first argument. */
    private static final Set<String> SQL_CALLS = Set.of("createNativeQuery", "createQuery", "createSelectionQuery",
            "createMutationQuery", "prepareStatement", "prepareCall", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "addBatch", "nativeQuery");
    /** Calls that take SQL or a Panache query string among other things; judged when given a string. */
    private static final Set<String> MAYBE_SQL_CALLS = Set.of("execute", "find", "list", "stream", "count", "delete",
            "update", "exists");
    private static final Pattern CALL = Pattern.compile("\\b([A-Za-z]+)\\s*\\(");
    private static final Pattern BUILDING = Pattern.compile(
            "String\\s*\\.\\s*(format|join|valueOf)\\s*\\(|\\.\\s*(formatted|concat|repeat|replace|replaceAll|replaceFirst)\\s*\\("
                    + "|StringBuilder|StringJoiner"
                    + "|\\.\\s*toString\\s*\\(");
    private static final Pattern CONSTANT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*\\.)*[A-Z][A-Z0-9_]*");
    private static final Pattern VARIABLE = Pattern.compile("[a-z_][A-Za-z0-9_]*");

    private ConcatenatedSql() {
    }

    /** Every finding in the {@code .java} files under {@code sources}, file names relative to it. */
    public static List<Finding> in(Path sources) {
        List<Finding> findings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                findings.addAll(in(sources.relativize(file).toString(), Files.readString(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return findings;
    }

    /**
     * Fails unless every finding under {@code sources} is in a reviewed file, and each reviewed file has exactly the
     * number of findings its review counted: a new assembled statement in a reviewed file is to be reviewed too.
     *
     * @param reviewed file (relative to {@code sources}) and the number of reviewed findings in it
     */
    public static void assertOnlyReviewed(Path sources, Map<String, Integer> reviewed) {
        List<Finding> findings = in(sources);
        assertThat(findings).filteredOn(f -> !reviewed.containsKey(f.file())).isEmpty();
        Map<String, Integer> perFile = new TreeMap<>();
        findings.forEach(f -> perFile.merge(f.file(), 1, Integer::sum));
        assertThat(perFile).isEqualTo(new TreeMap<>(reviewed));
    }

    /** Every finding in one source file's text. */
    public static List<Finding> in(String file, String source) {
        String code = withoutComments(source);
        List<Finding> findings = new ArrayList<>();
        Matcher call = CALL.matcher(code);
        while (call.find()) {
            String name = call.group(1);
            boolean sqlOnly = SQL_CALLS.contains(name);
            if (!sqlOnly && !MAYBE_SQL_CALLS.contains(name) || declaration(code, call.start())
                    || insideLiteral(code, call.start())) {
                continue;
            }
            String argument = firstArgument(code, call.end());
            if (argument.isBlank() || !sqlOnly && !argument.strip().startsWith("\"")
                    && !BUILDING.matcher(argument).find()) {
                continue; // find(id), list(page), execute(task): not given SQL
            }
            if (builtFromValues(argument, code, 0)) {
                findings.add(new Finding(file, lineOf(code, call.start()), name, argument.strip().replaceAll("\\s+", " ")));
            }
        }
        return findings;
    }

    /** A method declared with this name ({@code List<Lead> list(...)}) rather than called. */
    private static boolean declaration(String code, int nameStart) {
        int i = nameStart - 1;
        while (i >= 0 && Character.isWhitespace(code.charAt(i))) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        char before = code.charAt(i);
        if (before == ']') {
            return true;
        }
        if (before == '>') {
            // List<Lead> list(...) declares; Lead.<Lead>find(...) calls
            for (int depth = 0; i >= 0; i--) {
                depth += code.charAt(i) == '>' ? 1 : code.charAt(i) == '<' ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            i--;
            while (i >= 0 && Character.isWhitespace(code.charAt(i))) {
                i--;
            }
            return i < 0 || code.charAt(i) != '.';
        }
        if (!Character.isJavaIdentifierPart(before)) {
            return false;
        }
        int end = i + 1;
        while (i >= 0 && Character.isJavaIdentifierPart(code.charAt(i))) {
            i--;
        }
        return !Set.of("return", "throw", "yield", "else", "case", "new", "assert").contains(code.substring(i + 1, end));
    }

    private static boolean builtFromValues(String expression, String code, int depth) {
        String e = expression.strip();
        if (BUILDING.matcher(e).find()) {
            return true;
        }
        List<String> operands = operands(e);
        if (operands.size() > 1) {
            return operands.stream().anyMatch(operand -> !constant(operand));
        }
        if (constant(e)) {
            return false;
        }
        if (VARIABLE.matcher(e).matches()) {
            // a variable: judge what it was given in this file; a parameter (no assignment here) is its caller's
            Matcher assigned = Pattern.compile("\\b" + Pattern.quote(e) + "\\s*=(?!=)\\s*").matcher(code);
            while (assigned.find()) {
                String value = untilSemicolon(code, assigned.end());
                if (depth < 3 && builtFromValues(value, code, depth + 1)) {
                    return true;
                }
            }
            return false;
        }
        return !e.startsWith("(") || builtFromValues(e.substring(1, e.length() - 1), code, depth + 1);
    }

    private static boolean constant(String operand) {
        String o = operand.strip();
        return o.startsWith("\"") && o.endsWith("\"") || CONSTANT.matcher(o).matches()
                || o.startsWith("(") && o.endsWith(")") && operands(o.substring(1, o.length() - 1)).stream()
                .allMatch(ConcatenatedSql::constant);
    }

    /** The operands of the top-level {@code +}s of an expression. */
    private static List<String> operands(String expression) {
        List<String> operands = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(expression, i) - 1;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == '+' && depth == 0) {
                operands.add(expression.substring(start, i));
                start = i + 1;
            }
        }
        operands.add(expression.substring(start));
        return operands;
    }

    /** The text from {@code from} to the first top-level comma or closing parenthesis. */
    private static String firstArgument(String code, int from) {
        int depth = 0;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(code, i) - 1;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth-- == 0 || c == ',' && depth == 0) {
                return code.substring(from, i);
            }
        }
        return code.substring(from);
    }

    private static String untilSemicolon(String code, int from) {
        int depth = 0;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(code, i) - 1;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ';' && depth <= 0) {
                return code.substring(from, i);
            }
        }
        return code.substring(from);
    }

    /** The index just past the string, text block or char literal starting at {@code start}. */
    private static int endOfLiteral(String code, int start) {
        char quote = code.charAt(start);
        if (quote == '"' && code.startsWith("\"\"\"", start)) {
            int end = code.indexOf("\"\"\"", start + 3);
            while (end > 0 && code.charAt(end - 1) == '\\') {
                end = code.indexOf("\"\"\"", end + 1);
            }
            return end < 0 ? code.length() : end + 3;
        }
        for (int i = start + 1; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i + 1;
            }
        }
        return code.length();
    }

    private static boolean insideLiteral(String code, int position) {
        for (int i = 0; i < position; i++) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                int end = endOfLiteral(code, i);
                if (end > position) {
                    return true;
                }
                i = end - 1;
            }
        }
        return false;
    }

    /** The source with comments blanked out (newlines kept, so line numbers stay right). */
    private static String withoutComments(String source) {
        StringBuilder code = new StringBuilder(source);
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(source, i) - 1;
            } else if (c == '/' && i + 1 < code.length() && (code.charAt(i + 1) == '/' || code.charAt(i + 1) == '*')) {
                boolean line = code.charAt(i + 1) == '/';
                int end = line ? source.indexOf('\n', i) : source.indexOf("*/", i + 2) + 2;
                end = end < (line ? 0 : 2) ? source.length() : end;
                for (int j = i; j < end; j++) {
                    if (code.charAt(j) != '\n') {
                        code.setCharAt(j, ' ');
                    }
                }
                i = end - 1;
            }
        }
        return code.toString();
    }

    private static int lineOf(String code, int position) {
        int line = 1;
        for (int i = 0; i < position; i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
