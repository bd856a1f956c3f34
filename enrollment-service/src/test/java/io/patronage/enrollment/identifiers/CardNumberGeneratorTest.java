package io.patronage.enrollment.identifiers;

import io.patronage.contracts.members.Luhn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CardNumberGeneratorTest {

    @Test
    void drawsSixteenDigitLuhnValidNumbersUnderThePrefix() {
        CardNumberGenerator generator = new CardNumberGenerator("627", new Random(7));
        Set<String> drawn = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String number = generator.next();
            assertEquals(16, number.length(), number);
            assertTrue(number.startsWith("627"), number);
            assertTrue(Luhn.isValid(number), number);
            assertTrue(CardNumberGenerator.isCardNumber(number), number);
            drawn.add(number);
        }
        assertEquals(10_000, drawn.size(), "twelve random digits: no repeats in 10,000 draws");
    }

    @Test
    void usesEveryDigitInEveryRandomPosition() {
        CardNumberGenerator generator = new CardNumberGenerator("9", new Random(11));
        boolean[][] seen = new boolean[16][10];
        for (int i = 0; i < 2_000; i++) {
            String number = generator.next();
            for (int position = 1; position < 15; position++) {
                seen[position][number.charAt(position) - '0'] = true;
            }
        }
        for (int position = 1; position < 15; position++) {
            for (int digit = 0; digit < 10; digit++) {
                assertTrue(seen[position][digit], "digit " + digit + " at position " + position);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12a", "123456", "-1"})
    void refusesPrefixesThatAreNotOneToFiveDigits(String prefix) {
        assertThrows(IllegalArgumentException.class, () -> new CardNumberGenerator(prefix, new Random()));
    }

    @Test
    void recognisesCardNumbersByLengthAndCheckDigit() {
        assertTrue(CardNumberGenerator.isCardNumber("9000000000000001"));
        assertFalse(CardNumberGenerator.isCardNumber("9000000000000002"), "check digit");
        assertFalse(CardNumberGenerator.isCardNumber("79927398713"), "length");
        assertFalse(CardNumberGenerator.isCardNumber(null));
    }
}
