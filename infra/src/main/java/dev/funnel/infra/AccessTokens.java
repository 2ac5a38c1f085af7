package dev.funnel.infra;

import dev.funnel.contracts.access.Roles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The local signing key and the bearer tokens signed with it, for {@code ./funnel up} and {@code ./funnel token}
 * and for the tests: an RSA key pair kept as PEM files ({@code private.pem}, readable by its owner only, and
 * {@code public.pem}, which the services verify against), and RS256 JWTs carrying the caller's roles in
 * {@code groups}. JDK cryptography only, so the launcher needs nothing more than a JDK. In production the
 * tokens come from the organisation's issuer instead, and the services are given its public key or JWKS.
 *
 * <p>Usage: {@code AccessTokens <keys-dir> keys} creates the pair if missing and prints the public key's path;
 * {@code AccessTokens <keys-dir> token <role[,role...]> [--subject S] [--hours H]} prints a token.
 */
public final class AccessTokens {

    /** The issuer the local tokens name, and the one the services expect unless configured otherwise. */
    public static final String ISSUER = "funnel";

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey signingKey;
    private final Path publicKeyFile;

    private AccessTokens(PrivateKey signingKey, Path publicKeyFile) {
        this.signingKey = signingKey;
        this.publicKeyFile = publicKeyFile;
    }

    /** The pair in {@code dir}, created there first if it is missing. */
    public static AccessTokens in(Path dir) {
        Path privateFile = dir.resolve("private.pem");
        Path publicFile = dir.resolve("public.pem");
        try {
            if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                create(dir, privateFile, publicFile);
            }
            byte[] encoded = pemBody(Files.readString(privateFile));
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(encoded));
            return new AccessTokens(key, publicFile);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read or create the signing key in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A pair in a fresh temporary directory, for a test run. */
    public static AccessTokens temporary() {
        try {
            return in(Files.createTempDirectory("funnel-keys"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a directory for a signing key", e);
        }
    }

    /** The PEM file of the public key: what {@code mp.jwt.verify.publickey.location} points to. */
    public Path publicKeyFile() {
        return publicKeyFile;
    }

    /** {@link #publicKeyFile()} as the location setting expects it. */
    public String publicKeyLocation() {
        return publicKeyFile.toUri().toString();
    }

    /** A token for {@code subject} with {@code roles}, valid from now for {@code lifetime}. */
    public String token(String subject, Collection<String> roles, Duration lifetime) {
        Instant now = Instant.now();
        return token(subject, roles, now, now.plus(lifetime));
    }

    /** A token valid between the two instants: a past {@code expiresAt} makes an expired one, for tests. */
    public String token(String subject, Collection<String> roles, Instant issuedAt, Instant expiresAt) {
        return sign(signingKey, subject, roles, issuedAt, expiresAt);
    }

    /** A token like {@link #token(String, Collection, Duration)} but signed by {@code otherKey}: for tests. */
    public static String signedBy(PrivateKey otherKey, String subject, Collection<String> roles, Duration lifetime) {
        Instant now = Instant.now();
        return sign(otherKey, subject, roles, now, now.plus(lifetime));
    }

    /** A new 2048-bit RSA pair, kept nowhere: the "another key" of a test. */
    public static KeyPair strangerKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no RSA", e);
        }
    }

    private static String sign(PrivateKey key, String subject, Collection<String> roles, Instant issuedAt,
                               Instant expiresAt) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String groups = roles.stream().map(AccessTokens::quoted).collect(Collectors.joining(",", "[", "]"));
        String claims = "{\"iss\":" + quoted(ISSUER)
                + ",\"sub\":" + quoted(subject)
                + ",\"upn\":" + quoted(subject)
                + ",\"groups\":" + groups
                + ",\"iat\":" + issuedAt.getEpochSecond()
                + ",\"exp\":" + expiresAt.getEpochSecond()
                + ",\"jti\":" + quoted(UUID.randomUUID().toString()) + "}";
        String signed = URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token: " + e.getMessage(), e);
        }
    }

    /** A JSON string; subjects and roles are plain words, but a quote or backslash must not break the token. */
    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static void create(Path dir, Path privateFile, Path publicFile) throws IOException {
        Files.createDirectories(dir);
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: as below
        }
        KeyPair pair = strangerKeyPair();
        Path tmp = Files.createTempFile(dir, "private", ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the directory's own permissions protect it
        }
        Files.writeString(tmp, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Files.move(tmp, privateFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] pemBody(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }

    /** The public key in {@code file}: lets a test check a token against it. */
    static PublicKey readPublicKey(Path file) throws IOException, GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pemBody(Files.readString(file))));
    }

    public static void main(String[] args) {
        if (args.length < 2 || !(args[1].equals("keys") || args[1].equals("token") && args.length >= 3)) {
            usage();
        }
        AccessTokens tokens = in(Path.of(args[0]).toAbsolutePath());
        if (args[1].equals("keys")) {
            System.out.println(tokens.publicKeyFile());
            return;
        }
        List<String> roles = Arrays.stream(args[2].split(",")).map(String::strip).filter(r -> !r.isEmpty()).toList();
        List<String> unknown = new ArrayList<>(roles);
        unknown.removeAll(Roles.ALL);
        if (roles.isEmpty() || !unknown.isEmpty()) {
            System.err.println("error: unknown role " + String.join(", ", unknown) + "; the roles are "
                    + String.join(", ", Roles.ALL));
            System.exit(2);
        }
        String subject = "local-" + String.join("+", roles);
        long hours = 12;
        for (int i = 3; i < args.length; i++) {
            switch (args[i]) {
                case "--subject" -> subject = valueAt(args, ++i);
                case "--hours" -> hours = parseHours(valueAt(args, ++i));
                default -> usage();
            }
        }
        System.out.println(tokens.token(subject, roles, Duration.ofHours(hours)));
    }

    private static String valueAt(String[] args, int i) {
        if (i >= args.length) {
            usage();
        }
        return args[i];
    }

    private static long parseHours(String text) {
        try {
            long hours = Long.parseLong(text);
            if (hours > 0) {
                return hours;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        System.err.println("error: --hours takes a whole number of hours above 0, not " + text);
        System.exit(2);
        return 0;
    }

    private static void usage() {
        System.err.println("usage: AccessTokens <keys-dir> keys | AccessTokens <keys-dir> token <role[,role...]> "
                + "[--subject S] [--hours H]\nroles: " + String.join(", ", Roles.ALL));
        System.exit(2);
    }
}
