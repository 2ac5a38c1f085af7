package dev.funnel.simulator.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The bearer token every request carries. Read without verifying it (the services do that): a JWT's
 * {@code groups} and {@code exp} let a run that could not do its work stop before it starts, naming what is
 * missing. A token that is not a readable JWT is sent as it is and left to the services to judge.
 */
public record BearerToken(String value) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public BearerToken {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a bearer token is needed");
        }
        value = value.strip();
    }

    /** The value of the {@code Authorization} header. */
    public String header() {
        return "Bearer " + value;
    }

    /** The roles in the token's {@code groups} claim; empty when it is no readable JWT. */
    public Optional<Set<String>> roles() {
        return claims().map(claims -> {
            Set<String> roles = new LinkedHashSet<>();
            claims.path("groups").forEach(role -> roles.add(role.asText()));
            return roles;
        });
    }

    /** When the token stops being valid; empty when it does not say. */
    public Optional<Instant> expiresAt() {
        return claims().map(claims -> claims.path("exp"))
                .filter(JsonNode::canConvertToLong)
                .map(exp -> Instant.ofEpochSecond(exp.asLong()));
    }

    /**
     * Why a caller needing {@code roles} at {@code now} cannot work with this token, or empty when it can
     * (or the token cannot be read to tell).
     */
    public Optional<String> unfitFor(Collection<String> roles, Instant now) {
        Optional<Instant> expiry = expiresAt();
        if (expiry.isPresent() && !expiry.get().isAfter(now)) {
            return Optional.of("the token expired at " + expiry.get());
        }
        List<String> missing = new ArrayList<>(roles);
        roles().ifPresent(carried -> missing.removeAll(carried));
        if (roles().isPresent() && !missing.isEmpty()) {
            return Optional.of("the token lacks role " + String.join(", ", missing) + " (it carries "
                    + (roles().get().isEmpty() ? "none" : String.join(", ", roles().get())) + ")");
        }
        return Optional.empty();
    }

    private Optional<JsonNode> claims() {
        String[] parts = value.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return claims != null && claims.isObject() ? Optional.of(claims) : Optional.empty();
        } catch (IllegalArgumentException | IOException notAJwt) {
            return Optional.empty();
        }
    }

    /** Never the token itself: it would end up in logs and summaries. */
    @Override
    public String toString() {
        return "BearerToken[" + roles().map(Object::toString).orElse("opaque") + "]";
    }
}
