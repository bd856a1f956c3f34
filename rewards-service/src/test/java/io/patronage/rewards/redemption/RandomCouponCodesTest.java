package io.patronage.rewards.redemption;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomCouponCodesTest {

    @Test
    void codesAreTenUnambiguousCharactersAndDoNotRepeat() {
        RandomCouponCodes codes = new RandomCouponCodes();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String code = codes.next();
            assertTrue(code.matches("[" + RandomCouponCodes.ALPHABET + "]{10}"), code);
            seen.add(code);
        }
        assertEquals(1_000, seen.size());
        assertTrue(RandomCouponCodes.ALPHABET.chars().noneMatch(c -> "01OIL".indexOf(c) >= 0));
    }
}
