package io.patronage.enrollment.identifiers;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferralCodeGeneratorTest {

    @Test
    void drawsEightCharacterCodesWithoutLookAlikes() {
        ReferralCodeGenerator generator = new ReferralCodeGenerator(new Random(3));
        Set<Character> used = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            String code = generator.next();
            assertEquals(8, code.length(), code);
            assertTrue(code.matches("[2-9A-HJKMNP-TV-Z]{8}"), code);
            code.chars().forEach(c -> used.add((char) c));
        }
        assertEquals(ReferralCodeGenerator.ALPHABET.length(), used.size(), "every letter of the alphabet is used");
        for (char ambiguous : "01ILOU".toCharArray()) {
            assertTrue(ReferralCodeGenerator.ALPHABET.indexOf(ambiguous) < 0, "no " + ambiguous);
        }
    }
}
