package io.patronage.contracts.members;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LuhnTest {

    @ParameterizedTest
    @ValueSource(strings = {"79927398713", "4539148803436467", "0", "18", "9000000000000001", "9123456789012348"})
    void acceptsKnownValidNumbers(String number) {
        assertTrue(Luhn.isValid(number));
    }

    @ParameterizedTest
    @ValueSource(strings = {"79927398710", "4539148803436468", "", "12a4", "1234 5678", "-18"})
    void rejectsInvalidNumbersAndNonDigits(String number) {
        assertFalse(Luhn.isValid(number));
    }

    @Test
    void computesTheCheckDigitThatMakesTheNumberValid() {
        assertEquals(3, Luhn.checkDigit("7992739871"));
        assertEquals(7, Luhn.checkDigit("453914880343646"));
        assertEquals(1, Luhn.checkDigit("900000000000000"));
    }

    @Test
    void detectsEverySingleDigitTypo() {
        String valid = "9123456789012348";
        for (int position = 0; position < valid.length(); position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit != valid.charAt(position)) {
                    String typo = valid.substring(0, position) + digit + valid.substring(position + 1);
                    assertFalse(Luhn.isValid(typo), typo);
                }
            }
        }
    }

    @Test
    void refusesACheckDigitForSomethingOtherThanDigits() {
        assertThrows(IllegalArgumentException.class, () -> Luhn.checkDigit("12x"));
        assertThrows(IllegalArgumentException.class, () -> Luhn.checkDigit(""));
    }
}
