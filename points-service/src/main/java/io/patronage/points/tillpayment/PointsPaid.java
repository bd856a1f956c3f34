package io.patronage.points.tillpayment;

import java.math.BigDecimal;

/**
 * A purchase partly (or wholly) paid with points at the till, with what its returns gave back so far.
 *
 * @param points        the points it spent, as the till's record says them (with the chain's decimals at most)
 * @param total         the purchase's total, points included
 * @param amount        the part of the total the points paid
 * @param returnedShare the share of the total returned so far (0 to 1)
 * @param givenBack     the units of the chain's points given back so far, never more than {@code points}
 */
public record PointsPaid(BigDecimal points, BigDecimal total, BigDecimal amount, BigDecimal returnedShare,
                         long givenBack) {

    public static PointsPaid spent(BigDecimal points, BigDecimal total, BigDecimal amount) {
        return new PointsPaid(points, total, amount, BigDecimal.ZERO, 0);
    }

    public PointsPaid gaveBack(BigDecimal share, long points) {
        return new PointsPaid(this.points, total, amount, share, givenBack + points);
    }
}
