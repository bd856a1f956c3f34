package io.patronage.kit.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.security.token.jwt.signature.rsa.RSASignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Trusts tokens signed by the embedded default's local key ({@code patronage.security.public-key-file}, a PEM
 * public key that the launcher writes). In production the services trust an OpenID Connect provider's JWKS
 * instead ({@code micronaut.security.token.jwt.signatures.jwks.<name>.url}).
 */
@Singleton
@Named("patronage-local")
@Requires(property = "patronage.security.public-key-file", pattern = ".+")
class LocalPublicKey implements RSASignatureConfiguration {

    private final RSAPublicKey key;

    LocalPublicKey(@Value("${patronage.security.public-key-file}") String file) {
        try {
            String pem = Files.readString(Path.of(file)).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException("patronage.security.public-key-file: cannot read " + file, e);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("patronage.security.public-key-file: " + file
                    + " is not a PEM RSA public key", e);
        }
    }

    @Override
    public RSAPublicKey getPublicKey() {
        return key;
    }
}
