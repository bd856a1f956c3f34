package io.patronage.points.program;

import java.math.BigDecimal;

/**
 * Bounds on a program's decimal figures. Rating is exact {@link BigDecimal} arithmetic, so a figure such as
 * {@code 1e999999999} (valid JSON) would make rating one purchase run for hours; such a program is refused as invalid.
 */
final class ProgramNumbers {

    static final int MAX_DECIMALS = 12;
    static final BigDecimal MAX_RATE = new BigDecimal(1_000_000);
    static final BigDecimal MAX_FACTOR = new BigDecimal(1_000);
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000000000");

    private ProgramNumbers() {
    }

    /** {@code value} itself when it is at most {@code max} and has at most {@value #MAX_DECIMALS} decimals. */
    static BigDecimal bounded(String name, BigDecimal value, BigDecimal max) {
        if (value == null) {
            return null;
        }
        if (value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be at most " + max.toPlainString());
        }
        if (value.signum() != 0 && value.stripTrailingZeros().scale() > MAX_DECIMALS) {
            throw new IllegalArgumentException(name + " must have at most " + MAX_DECIMALS + " decimals");
        }
        return value;
    }
}
