package io.patronage.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dataDir;

    @Test
    void printsATokenSignedByTheDataDirectorysKeyWithTheRolesAndChainsAsked() throws Exception {
        int exit = TokenCommand.run(new String[] {"--role", "ops", "--chain", "aegean-market-gr", "--chain=bintang-my",
                "--data-dir", dataDir.toString()}, print(out), print(err));

        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        String[] token = out.toString(StandardCharsets.UTF_8).trim().split("\\.");
        assertEquals(3, token.length);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(publicKey(dataDir.resolve("security/public-key.pem")));
        rs256.update((token[0] + "." + token[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rs256.verify(Base64.getUrlDecoder().decode(token[2])), "signed by the platform's key");

        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token[1]));
        assertEquals("ops-aegean-market-gr+bintang-my", claims.get("sub").asText());
        assertEquals(List.of("ops"), List.of(claims.get("roles").get(0).asText()));
        assertEquals("bintang-my", claims.get("chains").get(1).asText());
        long lifetime = claims.get("exp").asLong() - Instant.now().getEpochSecond();
        assertTrue(lifetime > 11 * 3600 && lifetime <= 12 * 3600, "valid for 12 hours: " + lifetime);
    }

    @Test
    void refusesWhatWouldMakeAUselessToken() {
        for (String[] args : List.of(new String[] {}, new String[] {"--role", "root"}, new String[] {"--role", "ops"},
                new String[] {"--role", "member"}, new String[] {"--role", "admin", "--ttl", "12h"},
                new String[] {"--role", "admin", "--fast"}, new String[] {"--role", "admin", "--subject", "a\"b"})) {
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            String[] withDir = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                    java.util.stream.Stream.of("--data-dir", dataDir.toString())).toArray(String[]::new);
            assertEquals(2, TokenCommand.run(withDir, print(out), print(errors)), String.join(" ", args));
            assertTrue(errors.toString(StandardCharsets.UTF_8).startsWith("patronage-launcher token: "),
                    errors.toString(StandardCharsets.UTF_8));
        }
        assertEquals(0, TokenCommand.run(new String[] {"--role", "member", "--subject", "m-1", "--data-dir",
                dataDir.toString()}, print(out), print(err)));
    }

    private static PublicKey publicKey(Path pem) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
