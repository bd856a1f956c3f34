package io.patronage.enrollment.privacy;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The master keys that wrap members' data keys: the current one wraps, the current and the previous ones
 * unwrap. Each is known by an id derived from its material, stored next to every wrapped key, so a key is
 * unwrapped with the master key that wrapped it and rewrapped under the current one during a rotation.
 */
final class MasterKeys {

    /** Only for development and tests: anyone who reads this source can unwrap what it wraps. */
    static final String DEVELOPMENT_KEY = "cGF0cm9uYWdlLWRldi1tYXN0ZXIta2V5LW5vdC1zZWM=";

    record MasterKey(String id, SecretKey key) {
    }

    private final MasterKey current;
    private final Map<String, MasterKey> byId = new LinkedHashMap<>();

    /**
     * @param current  base64 of 32 bytes
     * @param previous base64 keys that wrapped member keys before; the public development key always counts as
     *                 one, so an installation that ran on it moves away from it by configuring a real key
     */
    MasterKeys(String current, List<String> previous) {
        this.current = parse(current, "patronage.enrollment.master-key");
        byId.put(this.current.id(), this.current);
        List<String> older = new ArrayList<>(previous);
        older.add(DEVELOPMENT_KEY);
        for (String key : older) {
            if (!key.isBlank()) {
                MasterKey masterKey = parse(key, "patronage.enrollment.previous-master-keys");
                byId.putIfAbsent(masterKey.id(), masterKey);
            }
        }
    }

    MasterKey current() {
        return current;
    }

    Optional<MasterKey> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every known key, the current one first: for wrapped keys stored before key ids were. */
    List<MasterKey> all() {
        return List.copyOf(byId.values());
    }

    static boolean isDevelopmentKey(MasterKey key) {
        return key.id().equals(idOf(Base64.getDecoder().decode(DEVELOPMENT_KEY)));
    }

    private static MasterKey parse(String base64, String property) {
        byte[] material;
        try {
            material = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + " must be base64 of 32 random bytes (openssl rand -base64 32): "
                    + e.getMessage());
        }
        if (material.length != 32) {
            throw new IllegalArgumentException(property + " must be 32 bytes in base64 (openssl rand -base64 32), got "
                    + material.length);
        }
        return new MasterKey(idOf(material), new SecretKeySpec(material, "AES"));
    }

    /** The first 8 bytes of a SHA-256 over the key: names it without revealing anything usable about it. */
    static String idOf(byte[] material) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("patronage-master-key-id:".getBytes(StandardCharsets.US_ASCII));
            byte[] digest = sha256.digest(material);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
