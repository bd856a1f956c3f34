package io.patronage.points.ledger;

import io.patronage.contracts.points.PointsLimits;

import java.math.BigDecimal;

/**
 * What one unit of a chain's ledger is worth: a point ({@code decimals} 0, every chain whose program keeps whole
 * points) or a hundredth of a point ({@code decimals} 2). The ledger, its events and the read model count exact
 * {@code long}s of units; points with decimals exist only where they leave the service (HTTP, integration events,
 * notifications) and where they come in (requests, till payments). A chain's unit never changes once it has moved
 * points, so a stored event keeps its meaning.
 */
public record PointsUnit(int decimals) {

    public static final int MAX_DECIMALS = PointsLimits.MAX_DECIMALS;
    public static final PointsUnit WHOLE = new PointsUnit(0);

    public PointsUnit {
        if (decimals < 0 || decimals > MAX_DECIMALS) {
            throw new IllegalArgumentException("points keep 0 to " + MAX_DECIMALS + " decimals: " + decimals);
        }
    }

    /** Units in one point: 1, 10 or 100. */
    public long perPoint() {
        return decimals == 0 ? 1 : decimals == 1 ? 10 : 100;
    }

    /** {@code units} as points, with the unit's decimals: 257 hundredths are 2.57. */
    public BigDecimal points(long units) {
        return BigDecimal.valueOf(units, decimals);
    }

    /** Whole points (a program's bonus, cap or threshold) in units. */
    public long units(long points) {
        try {
            return Math.multiplyExact(points, perPoint());
        } catch (ArithmeticException e) {
            throw new PointsOverflowException(points + " points are beyond a long in units of 10^-" + decimals);
        }
    }

    /**
     * Points as units, exactly.
     *
     * @throws IllegalArgumentException when {@code points} are missing, have more decimals than the unit keeps, or are
     *                                  beyond a {@code long} of units (the message says which)
     */
    public long units(BigDecimal points) {
        if (points == null) {
            throw new IllegalArgumentException("points are required");
        }
        if (points.stripTrailingZeros().scale() > decimals) {
            throw new IllegalArgumentException(decimals == 0
                    ? "points are whole in this chain: " + points.toPlainString()
                    : "points keep at most " + decimals + " decimals in this chain: " + points.toPlainString());
        }
        try {
            return points.movePointRight(decimals).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("points beyond the ledger's ceiling: " + points.toPlainString());
        }
    }
}
