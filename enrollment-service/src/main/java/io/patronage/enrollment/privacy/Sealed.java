package io.patronage.enrollment.privacy;

/**
 * Personal data as it is stored in events: AES-GCM ciphertext under the member's own key
 * ({@code v1.} + base64 of nonce and ciphertext with tag). Once the key is destroyed nobody can read
 * it again, while the event around it (ids, card number, dates) stays readable.
 */
public record Sealed(String ciphertext) {
}
