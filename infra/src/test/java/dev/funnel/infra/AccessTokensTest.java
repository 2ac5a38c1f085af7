package dev.funnel.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessTokensTest {

    @TempDir
    Path dir;

    @Test
    void theKeyPairIsCreatedOnceAndThePrivateHalfIsReadableByItsOwnerOnly() throws Exception {
        AccessTokens first = AccessTokens.in(dir);
        String publicPem = Files.readString(first.publicKeyFile());

        AccessTokens again = AccessTokens.in(dir);

        assertThat(Files.readString(again.publicKeyFile())).isEqualTo(publicPem).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("private.pem"))))
                .isEqualTo("rw-------");
        assertThat(first.publicKeyLocation()).startsWith("file:/").endsWith("public.pem");
    }

    @Test
    void aTokenIsAnRs256JwtSignedByThePrivateKeyWithTheRolesAsGroups() throws Exception {
        AccessTokens tokens = AccessTokens.in(dir);
        Instant issued = Instant.parse("2026-01-01T00:00:00Z");

        String token = tokens.token("web-form \"eu\"", List.of("lead-intake", "marketer"), issued, issued.plusSeconds(60));

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(AccessTokens.readPublicKey(tokens.publicKeyFile()));
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        assertThat(decoded(parts[0])).isEqualTo("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        assertThat(decoded(parts[1]))
                .contains("\"iss\":\"funnel\"", "\"sub\":\"web-form \\\"eu\\\"\"", "\"groups\":[\"lead-intake\",\"marketer\"]",
                        "\"iat\":1767225600", "\"exp\":1767225660");
    }

    @Test
    void aTokenSignedByAStrangerDoesNotVerifyAgainstTheLocalKey() throws Exception {
        AccessTokens tokens = AccessTokens.in(dir);

        String token = AccessTokens.signedBy(AccessTokens.strangerKeyPair().getPrivate(), "mallory", List.of("admin"),
                Duration.ofMinutes(5));

        String[] parts = token.split("\\.");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(AccessTokens.readPublicKey(tokens.publicKeyFile()));
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isFalse();
    }

    private static String decoded(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
