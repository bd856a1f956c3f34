package io.patronage.enrollment.identifiers;

import java.util.random.RandomGenerator;

/**
 * Draws personal referral codes that people read aloud and type on phones: upper-case letters and
 * digits without the look-alikes 0/O, 1/I/L (and without U, which keeps accidental words rarer).
 * 30^8 ≈ 6.6 * 10^11 codes.
 */
public final class ReferralCodeGenerator {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 8;

    private final RandomGenerator random;

    public ReferralCodeGenerator(RandomGenerator random) {
        this.random = random;
    }

    public String next() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }
}
