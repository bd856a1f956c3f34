package io.patronage.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * The embedded default's token issuer: an RSA key pair kept in a directory ({@code signing-key.pem}, readable by
 * its owner only, and {@code public-key.pem}, which the services are given to trust) and RS256 JWTs signed with it.
 * In production an OpenID Connect provider issues the tokens and the services read its JWKS instead.
 */
public final class LocalTokens {

    public static final String ISSUER = "patronage-local";
    public static final String PUBLIC_KEY_FILE = "public-key.pem";
    private static final String SIGNING_KEY_FILE = "signing-key.pem";
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey signingKey;
    private final Path publicKeyFile;

    private LocalTokens(PrivateKey signingKey, Path publicKeyFile) {
        this.signingKey = signingKey;
        this.publicKeyFile = publicKeyFile;
    }

    /** The key pair in {@code directory}, made there the first time. */
    public static synchronized LocalTokens in(Path directory) {
        Path signing = directory.resolve(SIGNING_KEY_FILE);
        Path publicKey = directory.resolve(PUBLIC_KEY_FILE);
        try {
            if (!Files.exists(signing) || !Files.exists(publicKey)) {
                Files.createDirectories(directory);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                write(publicKey, "PUBLIC KEY", pair.getPublic().getEncoded());
                write(signing, "PRIVATE KEY", pair.getPrivate().getEncoded());
                ownerOnly(signing);
            }
            byte[] der = read(signing);
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            return new LocalTokens(key, publicKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the local signing key in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the local signing key in " + directory + " is not an RSA key", e);
        }
    }

    /** What the services trust: {@code patronage.security.public-key-file}. */
    public Path publicKeyFile() {
        return publicKeyFile;
    }

    /**
     * A signed JWT: {@code sub}, {@code roles}, {@code chains} ({@code *} for every chain), issued now, valid for
     * {@code lifetime}.
     */
    public String mint(String subject, Collection<String> roles, Collection<String> chains, Duration lifetime) {
        Instant now = Instant.now();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":" + quoted(ISSUER) + ",\"sub\":" + quoted(subject)
                + ",\"roles\":" + array(roles) + ",\"chains\":" + array(chains)
                + ",\"iat\":" + now.getEpochSecond() + ",\"exp\":" + now.plus(lifetime).getEpochSecond() + "}";
        String signed = encode(header) + "." + encode(claims);
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(signingKey);
            rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String array(Collection<String> values) {
        return values.stream().map(LocalTokens::quoted).collect(Collectors.joining(",", "[", "]"));
    }

    /** Role and chain ids and subjects are plain identifiers; anything else is refused rather than escaped. */
    private static String quoted(String value) {
        if (value == null || value.isEmpty() || !value.matches("[\\p{L}\\p{N}*@._:+\\-]+")) {
            throw new IllegalArgumentException("not an identifier a token may carry: '" + value + "'");
        }
        return "\"" + value + "\"";
    }

    private static void write(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
    }

    private static byte[] read(Path file) throws IOException {
        String pem = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(pem);
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the directory's own permissions apply
        }
    }
}
