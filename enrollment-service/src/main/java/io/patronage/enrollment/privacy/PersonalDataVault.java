package io.patronage.enrollment.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.patronage.kit.json.Json;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Optional;

/** Seals values (as JSON) with their member's key and opens them again while the key exists. */
@Singleton
public class PersonalDataVault {

    private static final String VERSION = "v1.";
    private static final ObjectMapper JSON = Json.mapper();

    private final MemberKeys keys;

    public PersonalDataVault(MemberKeys keys) {
        this.keys = keys;
    }

    public Sealed seal(String memberId, Object value) {
        byte[] plaintext;
        try {
            plaintext = JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var key = keys.find(memberId).orElseThrow(() -> new IllegalStateException("member " + memberId + " has no key"));
        return new Sealed(VERSION + Base64.getEncoder().encodeToString(Aes.encrypt(key, plaintext, memberId)));
    }

    /** The sealed value, or empty when the member's key has been destroyed (erased). */
    public <T> Optional<T> open(String memberId, Sealed sealed, Class<T> type) {
        return openBytes(memberId, sealed).map(bytes -> read(bytes, type));
    }

    /** The sealed value as a JSON tree (for exports), or empty once erased. */
    public Optional<JsonNode> openTree(String memberId, Sealed sealed) {
        return openBytes(memberId, sealed).map(bytes -> read(bytes, JsonNode.class));
    }

    private Optional<byte[]> openBytes(String memberId, Sealed sealed) {
        if (sealed == null || !sealed.ciphertext().startsWith(VERSION)) {
            throw new IllegalArgumentException("not a sealed value of version " + VERSION);
        }
        byte[] ciphertext = Base64.getDecoder().decode(sealed.ciphertext().substring(VERSION.length()));
        return keys.find(memberId).map(key -> Aes.decrypt(key, ciphertext, memberId));
    }

    private static <T> T read(byte[] json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
