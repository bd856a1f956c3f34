package io.patronage.enrollment.identifiers;

import io.patronage.contracts.members.Luhn;

import java.util.random.RandomGenerator;

/**
 * Draws 16-digit, Luhn-valid card numbers under an issuer prefix: the prefix, random digits, then the
 * check digit. Random rather than sequential so that a card number does not reveal how many members a
 * chain has, nor lead to its neighbours.
 */
public final class CardNumberGenerator {

    public static final int LENGTH = 16;
    /** At least ten random digits, so collisions stay rare long after millions of cards. */
    static final int MAX_PREFIX_LENGTH = LENGTH - 1 - 10;

    private final String prefix;
    private final RandomGenerator random;

    public CardNumberGenerator(String prefix, RandomGenerator random) {
        if (prefix == null || !prefix.matches("[0-9]{1," + MAX_PREFIX_LENGTH + "}")) {
            throw new IllegalArgumentException(
                    "card prefix must be 1 to " + MAX_PREFIX_LENGTH + " digits: " + prefix);
        }
        this.prefix = prefix;
        this.random = random;
    }

    public String next() {
        StringBuilder number = new StringBuilder(LENGTH).append(prefix);
        while (number.length() < LENGTH - 1) {
            number.append((char) ('0' + random.nextInt(10)));
        }
        return number.append(Luhn.checkDigit(number.toString())).toString();
    }

    /** Whether {@code number} has the shape of a Patronage card number: 16 digits, Luhn-valid. */
    public static boolean isCardNumber(String number) {
        return number != null && number.length() == LENGTH && Luhn.isValid(number);
    }
}
