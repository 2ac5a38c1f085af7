package dev.funnel.marketing.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** Which tokens are taken from memory and which are checked again, without a key or a server. */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    /** A clock the test moves. */
    private static final class Hands extends Clock {
        Instant now = NOW;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final Hands clock = new Hands();
    /** The tokens the real check was asked about, in order. */
    private final List<String> checked = new ArrayList<>();

    /** Passes tokens starting "good" and expiring at the second after the dash; refuses everything else. */
    private VerifiedTokens tokens() {
        JWTParser checker = (JWTParser) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {JWTParser.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("parse") || args.length != 1) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    String bearer = (String) args[0];
                    checked.add(bearer);
                    if (!bearer.startsWith("good-")) {
                        throw new ParseException("signature does not verify");
                    }
                    return token(Long.parseLong(bearer.substring(5)));
                });
        return new VerifiedTokens(checker, clock);
    }

    private static JsonWebToken token(long expiresAt) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "caller";
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of("exp");
            }

            @SuppressWarnings("unchecked")
            @Override
            public <T> T getClaim(String name) {
                return "exp".equals(name) ? (T) Long.valueOf(expiresAt) : null;
            }
        };
    }

    private static String expiringIn(Duration duration) {
        return "good-" + NOW.plus(duration).getEpochSecond();
    }

    @Test
    void aVerifiedTokenIsCheckedOnceAMinute() throws Exception {
        VerifiedTokens tokens = tokens();
        String bearer = expiringIn(Duration.ofHours(12));

        JsonWebToken first = tokens.parse(bearer);
        clock.now = NOW.plusSeconds(59);
        assertThat(tokens.parse(bearer)).isSameAs(first);
        assertThat(checked).containsExactly(bearer);

        clock.now = NOW.plusSeconds(60);
        tokens.parse(bearer);
        assertThat(checked).containsExactly(bearer, bearer);
    }

    @Test
    void aTokenIsNeverTakenFromMemoryPastItsExpiry() throws Exception {
        VerifiedTokens tokens = tokens();
        String bearer = expiringIn(Duration.ofSeconds(10));

        tokens.parse(bearer);
        clock.now = NOW.plusSeconds(10);
        tokens.parse(bearer);

        assertThat(checked).containsExactly(bearer, bearer);
    }

    @Test
    void aRefusedTokenIsRefusedEveryTime() {
        VerifiedTokens tokens = tokens();

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> tokens.parse("forged")).isInstanceOf(ParseException.class);
        }
        assertThat(checked).containsExactly("forged", "forged", "forged");
    }

    @Test
    void pastTheLimitNewTokensAreCheckedEveryTimeUntilOldOnesLapse() throws Exception {
        VerifiedTokens tokens = tokens();
        for (int i = 0; i < VerifiedTokens.MOST_KEPT; i++) {
            tokens.parse("good-" + (NOW.getEpochSecond() + 3_600 + i));
        }
        String late = expiringIn(Duration.ofHours(2));

        tokens.parse(late);
        tokens.parse(late);
        assertThat(checked.subList(VerifiedTokens.MOST_KEPT, checked.size())).containsExactly(late, late);

        clock.now = NOW.plusSeconds(61); // every kept token has lapsed: room again
        tokens.parse(late);
        tokens.parse(late);
        assertThat(checked.subList(VerifiedTokens.MOST_KEPT, checked.size())).containsExactly(late, late, late);
    }
}
