package dev.funnel.simulator.client;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/** Tokens shaped as the services' issuer makes them, unsigned: the simulator reads them, it never verifies. */
public final class Jwts {

    private Jwts() {
    }

    public static String withRoles(List<String> roles, Instant expiresAt) {
        String groups = roles.stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(",", "[", "]"));
        return part("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "."
                + part("{\"iss\":\"funnel\",\"sub\":\"simulator\",\"groups\":" + groups + ",\"exp\":"
                + expiresAt.getEpochSecond() + "}") + ".c2lnbmF0dXJl";
    }

    private static String part(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
