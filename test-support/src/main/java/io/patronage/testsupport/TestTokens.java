package io.patronage.testsupport;

import io.patronage.infra.LocalTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Tokens for the service under test, signed by a key made for this test JVM; {@link TestInfrastructure} points
 * every service it configures at that key's public half.
 */
public final class TestTokens {

    private static final LocalTokens TOKENS;

    static {
        try {
            TOKENS = LocalTokens.in(Files.createTempDirectory("patronage-test-keys"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TestTokens() {
    }

    public static Path publicKeyFile() {
        return TOKENS.publicKeyFile();
    }

    public static String token(String subject, List<String> roles, List<String> chains) {
        return token(subject, roles, chains, Duration.ofHours(1));
    }

    /** A negative lifetime makes an expired token. */
    public static String token(String subject, List<String> roles, List<String> chains, Duration lifetime) {
        return TOKENS.mint(subject, roles, chains, lifetime);
    }

    /** A platform administrator (every chain). */
    public static String admin() {
        return token("admin-1", List.of("admin"), List.of("*"));
    }

    public static String ops(String... chains) {
        return token("ops-" + String.join("+", chains).replace("*", "all"), List.of("ops"), List.of(chains));
    }

    public static String analyst(String... chains) {
        return token("analyst-" + String.join("+", chains).replace("*", "all"), List.of("analyst"), List.of(chains));
    }

    public static String pos(String... chains) {
        return token("till-" + String.join("+", chains).replace("*", "all"), List.of("pos"), List.of(chains));
    }

    public static String member(String memberId) {
        return token(memberId, List.of("member"), List.of());
    }
}
