package io.patronage.contracts.members;

/** The Luhn (mod 10) check digit of ISO/IEC 7812 card numbers: catches every single-digit typo at a till. */
public final class Luhn {

    private Luhn() {
    }

    /** The digit to append to {@code payload} (digits only) so that the whole number is Luhn-valid. */
    public static int checkDigit(String payload) {
        requireDigits(payload);
        return (10 - sum(payload, true) % 10) % 10;
    }

    /** Whether {@code number} is non-empty, all digits, and its last digit is the Luhn check digit. */
    public static boolean isValid(String number) {
        if (number == null || number.isEmpty() || !number.chars().allMatch(Luhn::isAsciiDigit)) {
            return false;
        }
        return sum(number, false) % 10 == 0;
    }

    /**
     * Sums the digits from the right, doubling every second one. When the check digit is still to be
     * appended, the rightmost payload digit is the one doubled first.
     */
    private static int sum(String digits, boolean checkDigitMissing) {
        int sum = 0;
        boolean doubled = checkDigitMissing;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum;
    }

    private static void requireDigits(String payload) {
        if (payload == null || payload.isEmpty() || !payload.chars().allMatch(Luhn::isAsciiDigit)) {
            throw new IllegalArgumentException("digits expected: " + payload);
        }
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
