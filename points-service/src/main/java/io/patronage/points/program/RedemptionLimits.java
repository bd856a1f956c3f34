package io.patronage.points.program;

import java.math.BigDecimal;

/**
 * What a till may pay with points in one purchase ({@code pointsPayment} on the till record): at least
 * {@code minimumPoints} points, for at most {@code maximumShareOfOrder} of the purchase's total (0.5: half of it).
 * The program's {@code redemption} section, e.g. {@code "redemption":{"minimumPoints":100,"maximumShareOfOrder":0.5}};
 * a field left out sets no limit (any number of points from 1, up to the whole order).
 */
public record RedemptionLimits(Long minimumPoints, BigDecimal maximumShareOfOrder) {

    public static final RedemptionLimits NONE = new RedemptionLimits(null, null);

    public RedemptionLimits {
        if (minimumPoints != null && minimumPoints < 1) {
            throw new IllegalArgumentException("redemption.minimumPoints must be at least 1: " + minimumPoints);
        }
        if (maximumShareOfOrder != null) {
            if (maximumShareOfOrder.signum() <= 0 || maximumShareOfOrder.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("redemption.maximumShareOfOrder must be above 0 and at most 1"
                        + " (0.5 is half of the order): " + maximumShareOfOrder.toPlainString());
            }
            ProgramNumbers.bounded("redemption.maximumShareOfOrder", maximumShareOfOrder, BigDecimal.ONE);
        }
    }

    public long minimumPointsOrDefault() {
        return minimumPoints == null ? 1 : minimumPoints;
    }

    public BigDecimal maximumShareOrDefault() {
        return maximumShareOfOrder == null ? BigDecimal.ONE : maximumShareOfOrder;
    }
}
