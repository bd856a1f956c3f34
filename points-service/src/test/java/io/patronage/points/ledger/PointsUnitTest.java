package io.patronage.points.ledger;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PointsUnitTest {

    private static final PointsUnit HUNDREDTHS = new PointsUnit(2);

    @Test
    void unitsArePointsWithTheUnitsDecimalsAndBack() {
        assertEquals(new BigDecimal("2.57"), HUNDREDTHS.points(257));
        assertEquals(new BigDecimal("-0.05"), HUNDREDTHS.points(-5));
        assertEquals(new BigDecimal("150"), PointsUnit.WHOLE.points(150));
        assertEquals(257, HUNDREDTHS.units(new BigDecimal("2.57")));
        assertEquals(250, HUNDREDTHS.units(new BigDecimal("2.5")));
        assertEquals(1000, PointsUnit.WHOLE.units(new BigDecimal("1E+3")), "exponent notation is a number like another");
        assertEquals(500, HUNDREDTHS.units(5), "a program's whole points");
        assertEquals(10, new PointsUnit(1).perPoint());
    }

    @Test
    void pointsFinerThanTheUnitAreRefusedSayingWhy() {
        IllegalArgumentException finer = assertThrows(IllegalArgumentException.class,
                () -> HUNDREDTHS.units(new BigDecimal("0.005")));
        assertTrue(finer.getMessage().contains("at most 2 decimals"), finer.getMessage());
        IllegalArgumentException whole = assertThrows(IllegalArgumentException.class,
                () -> PointsUnit.WHOLE.units(new BigDecimal("1.5")));
        assertTrue(whole.getMessage().contains("whole"), whole.getMessage());
        assertEquals(2, PointsUnit.WHOLE.units(new BigDecimal("2.00")), "trailing zeros are not decimals");
    }

    @Test
    void beyondALongAndOutsideZeroToTwoDecimalsIsRefused() {
        assertThrows(PointsOverflowException.class, () -> HUNDREDTHS.units(Long.MAX_VALUE / 10));
        IllegalArgumentException huge = assertThrows(IllegalArgumentException.class,
                () -> HUNDREDTHS.units(new BigDecimal("1E+20")));
        assertTrue(huge.getMessage().contains("ceiling"), huge.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PointsUnit(3));
    }
}
