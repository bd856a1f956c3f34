package io.patronage.kit.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.patronage.kit.json.Json;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a message says, as a short hash of its decoded payload written back as JSON: the same sale resent with
 * other whitespace, field order or unknown extra fields has the same fingerprint; a changed total does not.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    public static String of(Object payload) {
        try {
            byte[] json = Json.mapper().writeValueAsBytes(payload);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint " + payload.getClass().getSimpleName(), e);
        }
    }
}
