package io.patronage.points.program;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * Multiplies the points of the receipt lines it matches. A factor of 0 excludes those lines from earning
 * (and from the minimum spend); factors of several matching multipliers combine per the program's
 * {@link Stacking}: additively by default, a line matched by {@code category:wine ×2} and {@code sku:W-1 ×3}
 * earns 1 + 1 + 2 = 4 times the base rate.
 *
 * @param scope    what the multiplier looks at on a line
 * @param value    the category or SKU it matches, compared exactly
 * @param priority with {@link Stacking#PRIORITY}: the highest matching one applies alone; 0 when not given
 */
public record LineMultiplier(Scope scope, String value, BigDecimal factor, int priority) {

    public enum Scope {
        CATEGORY, SKU;

        String prefix() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public LineMultiplier {
        Objects.requireNonNull(scope, "scope");
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a line multiplier needs a " + scope.prefix());
        }
        if (factor == null || factor.signum() < 0) {
            throw new IllegalArgumentException("multiplier for " + scope.prefix() + " " + value
                    + " must be 0 (excluded) or positive: " + factor);
        }
        ProgramNumbers.bounded("multiplier for " + scope.prefix() + " " + value, factor, ProgramNumbers.MAX_FACTOR);
    }

    public LineMultiplier(Scope scope, String value, BigDecimal factor) {
        this(scope, value, factor, 0);
    }

    public static LineMultiplier category(String category, BigDecimal factor) {
        return new LineMultiplier(Scope.CATEGORY, category, factor);
    }

    public static LineMultiplier sku(String sku, BigDecimal factor) {
        return new LineMultiplier(Scope.SKU, sku, factor);
    }

    /** The rule name in a breakdown, e.g. {@code category:wine}. */
    public String rule() {
        return scope.prefix() + ":" + value;
    }

    public boolean excludes() {
        return factor.signum() == 0;
    }

    public boolean matches(String category, String sku) {
        return value.equals(scope == Scope.CATEGORY ? category : sku);
    }
}
