package io.patronage.kit;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.infra.LocalTokens;
import io.patronage.testsupport.HttpProbe;
import io.patronage.testsupport.TestInfrastructure;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Production's way to trust tokens: the identity provider's JWKS URL
 * ({@code micronaut.security.token.jwt.signatures.jwks.<name>.url}). Here a small HTTP server plays the provider and
 * publishes the public half of a key the service has no other way to know.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JwksIT implements TestPropertyProvider {

    private final LocalTokens provider = keys("jwks-provider");
    private final LocalTokens stranger = keys("jwks-stranger");
    private HttpServer jwks;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        try {
            jwks = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] keySet = jwkSet(provider.publicKeyFile()).getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/certs", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keySet.length);
            exchange.getResponseBody().write(keySet);
            exchange.close();
        });
        jwks.start();
        return TestInfrastructure.serviceProperties("kit-jwks-it", Map.of(
                "micronaut.security.token.jwt.signatures.jwks.idp.url",
                "http://localhost:" + jwks.getAddress().getPort() + "/certs"));
    }

    @AfterAll
    void stopProvider() {
        jwks.stop(0);
    }

    @Test
    void aTokenSignedByTheProvidersPublishedKeyIsAcceptedAndOneByAnUnknownKeyIsNot() {
        HttpProbe service = new HttpProbe(() -> server.getPort());
        String path = "/secured/chains/kit-jwks";

        assertEquals(200, service.as(provider.mint("ops-1", List.of("ops"), List.of("kit-jwks"), Duration.ofMinutes(5)))
                .get(path).statusCode(), "signed by the key the JWKS publishes");
        HttpProbe.assertProblem(service.as(stranger.mint("ops-1", List.of("ops"), List.of("kit-jwks"),
                Duration.ofMinutes(5))).get(path), 401);
    }

    private static LocalTokens keys(String name) {
        try {
            return LocalTokens.in(Files.createTempDirectory(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The key set an OpenID Connect provider publishes: the RSA modulus and exponent, base64url. */
    private static String jwkSet(Path publicKeyFile) {
        try {
            String pem = Files.readString(publicKeyFile).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
            return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"provider-1\",\"n\":\""
                    + unsigned(key.getModulus()) + "\",\"e\":\"" + unsigned(key.getPublicExponent()) + "\"}]}";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
