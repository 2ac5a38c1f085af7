package dev.funnel.load;

import java.util.Collection;
import java.util.function.UnaryOperator;

/**
 * The bearer token a load generator sends with every call, and what a 401 or 403 says about it. Such an
 * answer is not load the funnel refused: a run whose token will not do measures nothing, so the generators
 * stop on it and name the role that was missing.
 */
public final class Access {

    /** Where a token comes from when no option gives one. */
    public static final String TOKEN_VARIABLE = "FUNNEL_TOKEN";

    private Access() {
    }

    /**
     * The token given as an option, else the environment's {@value #TOKEN_VARIABLE}.
     *
     * @param roles what the generator needs, named when there is no token
     * @throws IllegalArgumentException when there is neither
     */
    public static String token(String given, UnaryOperator<String> environment, Collection<String> roles) {
        String token = given != null ? given : environment.apply(TOKEN_VARIABLE);
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("no token: give --token or set " + TOKEN_VARIABLE
                    + " to a bearer token with roles " + String.join(", ", roles)
                    + " (a local funnel mints one: ./funnel token " + String.join(",", roles) + ")");
        }
        return token.strip();
    }

    /** The value of the {@code Authorization} header. */
    public static String header(String token) {
        return "Bearer " + token;
    }

    /** True for the answers that judge the token rather than the request. */
    public static boolean denies(int status) {
        return status == 401 || status == 403;
    }

    /** What an answer {@code status} (401 or 403) to a call needing {@code role} says about the token. */
    public static String whyDenied(int status, String role) {
        return status == 401
                ? "the token was not accepted (missing, expired, or signed by a key the service does not trust)"
                : "the token lacks role " + role;
    }
}
