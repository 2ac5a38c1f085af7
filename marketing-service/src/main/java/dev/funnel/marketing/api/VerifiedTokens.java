package dev.funnel.marketing.api;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Remembers bearer tokens already verified, for a minute at most and never past their expiry, so that a system
 * posting thousands of leads a second with one token is not charged an RSA signature check for each: under
 * {@code ./funnel bench} the check was a third of marketing's CPU. Only tokens that passed the full check are kept,
 * keyed by their exact text, so a changed, expired or foreign token is always checked again. At most
 * {@link #MOST_KEPT} are kept; past that, new tokens are checked every time until old ones lapse.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    /** Intake callers are a handful of systems with a token each; this bounds the memory a flood of tokens takes. */
    static final int MOST_KEPT = 1_000;
    /** Bounds how long a token still passes after its issuer's key is withdrawn. */
    static final Duration LONGEST_KEPT = Duration.ofMinutes(1);

    private record Verified(JsonWebToken token, long untilMillis) {
    }

    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
    private final JWTParser checker;
    private final Clock clock;

    @Inject
    public VerifiedTokens(DefaultJWTParser checker) {
        this(checker, Clock.systemUTC());
    }

    VerifiedTokens(JWTParser checker, Clock clock) {
        this.checker = checker;
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String bearer) throws ParseException {
        long now = clock.millis();
        Verified known = verified.get(bearer);
        if (known != null) {
            if (now < known.untilMillis()) {
                return known.token();
            }
            verified.remove(bearer, known);
        }
        JsonWebToken token = checker.parse(bearer);
        keep(bearer, token, now);
        return token;
    }

    private void keep(String bearer, JsonWebToken token, long now) {
        long until = Math.min(token.getExpirationTime() * 1000, now + LONGEST_KEPT.toMillis());
        if (until <= now) {
            return;
        }
        if (verified.size() >= MOST_KEPT) {
            verified.values().removeIf(old -> old.untilMillis() <= now);
            if (verified.size() >= MOST_KEPT) {
                return;
            }
        }
        verified.put(bearer, new Verified(token, until));
    }

    // The rest is not used to authenticate requests; it is passed on unchanged.

    @Override
    public JsonWebToken parse(String bearer, JWTAuthContextInfo context) throws ParseException {
        return checker.parse(bearer, context);
    }

    @Override
    public JsonWebToken verify(String bearer, PublicKey key) throws ParseException {
        return checker.verify(bearer, key);
    }

    @Override
    public JsonWebToken verify(String bearer, SecretKey key) throws ParseException {
        return checker.verify(bearer, key);
    }

    @Override
    public JsonWebToken verify(String bearer, String secret) throws ParseException {
        return checker.verify(bearer, secret);
    }

    @Override
    public JsonWebToken decrypt(String bearer, PrivateKey key) throws ParseException {
        return checker.decrypt(bearer, key);
    }

    @Override
    public JsonWebToken decrypt(String bearer, SecretKey key) throws ParseException {
        return checker.decrypt(bearer, key);
    }

    @Override
    public JsonWebToken decrypt(String bearer, String secret) throws ParseException {
        return checker.decrypt(bearer, secret);
    }

    @Override
    public JsonWebToken parseOnly(String bearer) throws ParseException {
        return checker.parseOnly(bearer);
    }
}
