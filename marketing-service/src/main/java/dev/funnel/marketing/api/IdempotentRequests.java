package dev.funnel.marketing.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Runs a creating POST at most once per {@code Idempotency-Key}: the key is claimed in the same
 * transaction as the work, so a retried request gets the first answer exactly (status and body) and
 * changes nothing. A concurrent retry waits for the first to commit, then replays it. The same key
 * with a different body is refused (422) rather than silently answered with the other request's result.
 */
@ApplicationScoped
public class IdempotentRequests {

    /** The status and body of a first answer. */
    public record Answer(int status, Object body) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /**
     * @param key     the Idempotency-Key header, or null when the client sent none
     * @param request the parsed body, fingerprinted to tell a retry from a different request
     * @param work    the transactional work; runs inside the transaction that claims the key
     */
    public Response run(String key, Object request, Supplier<Answer> work) {
        if (key != null && (key.isBlank() || key.length() > 255)) {
            throw new InvalidFieldException("Idempotency-Key", "must be 1 to 255 characters");
        }
        String fingerprint = key == null ? null : fingerprint(request);
        try {
            return QuarkusTransaction.requiringNew().call(() -> once(key, fingerprint, work));
        } catch (RuntimeException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            // A concurrent request created the same lead (same email) first: run again, now it is known.
            return QuarkusTransaction.requiringNew().call(() -> once(key, fingerprint, work));
        }
    }

    private Response once(String key, String fingerprint, Supplier<Answer> work) throws JsonProcessingException {
        if (key != null) {
            int claimed = em.createNativeQuery("""
                    INSERT INTO idempotent_request (idempotency_key, request_hash, created_at)
                    VALUES (?1, ?2, now()) ON CONFLICT DO NOTHING""")
                    .setParameter(1, key).setParameter(2, fingerprint).executeUpdate();
            if (claimed == 0) {
                return replay(key, fingerprint);
            }
        }
        Answer answer = work.get();
        String body = json.writeValueAsString(answer.body());
        if (key != null) {
            em.createNativeQuery("UPDATE idempotent_request SET status = ?2, response = ?3 WHERE idempotency_key = ?1")
                    .setParameter(1, key).setParameter(2, answer.status()).setParameter(3, body).executeUpdate();
        }
        return Response.status(answer.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private Response replay(String key, String fingerprint) {
        Object[] first = (Object[]) em.createNativeQuery(
                "SELECT request_hash, status, response FROM idempotent_request WHERE idempotency_key = ?1")
                .setParameter(1, key).getSingleResult();
        if (!fingerprint.equals(first[0])) {
            throw new InvalidFieldException("Idempotency-Key",
                    "was already used for a different request; use a new key for a new request");
        }
        return Response.status(((Number) first[1]).intValue()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity((String) first[2]).build();
    }

    private String fingerprint(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
