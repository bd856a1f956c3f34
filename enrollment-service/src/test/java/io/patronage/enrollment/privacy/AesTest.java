package io.patronage.enrollment.privacy;

import org.junit.jupiter.api.Test;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AesTest {

    private final SecretKeySpec key = new SecretKeySpec(Aes.randomKey(), "AES");
    private final byte[] plaintext = "{\"firstName\":\"Ελένη\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void opensWhatItSealedForTheSameMember() {
        assertArrayEquals(plaintext, Aes.decrypt(key, Aes.encrypt(key, plaintext, "m-1"), "m-1"));
    }

    @Test
    void neverRepeatsACiphertext() {
        assertFalse(Arrays.equals(Aes.encrypt(key, plaintext, "m-1"), Aes.encrypt(key, plaintext, "m-1")));
    }

    @Test
    void refusesAnotherKeyAnotherMemberOrATamperedCiphertext() {
        byte[] sealed = Aes.encrypt(key, plaintext, "m-1");
        assertThrows(IllegalStateException.class,
                () -> Aes.decrypt(new SecretKeySpec(Aes.randomKey(), "AES"), sealed, "m-1"));
        assertThrows(IllegalStateException.class, () -> Aes.decrypt(key, sealed, "m-2"));
        sealed[sealed.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> Aes.decrypt(key, sealed, "m-1"));
    }
}
