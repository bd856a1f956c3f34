package io.patronage.rewards.redemption;

import jakarta.inject.Singleton;

import java.security.SecureRandom;

/**
 * Ten characters from an alphabet without look-alikes (no 0/O, 1/I/L, no vowels that spell words):
 * about 2^48 codes, unguessable and easy to read out or type at a till.
 */
@Singleton
class RandomCouponCodes implements CouponCodes {

    static final String ALPHABET = "23456789BCDFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 10;

    private final SecureRandom random = new SecureRandom();

    @Override
    public String next() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
