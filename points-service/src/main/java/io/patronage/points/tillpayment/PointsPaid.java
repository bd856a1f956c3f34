package io.patronage.points.tillpayment;

import java.math.BigDecimal;

/**
 * A purchase partly (or wholly) paid with points at the till, with what its returns gave back so far.
 *
 * @param points        the points it spent
 * @param total         the purchase's total, points included
 * @param amount        the part of the total the points paid
 * @param returnedShare the share of the total returned so far (0 to 1)
 * @param givenBack     the points given back so far, never more than {@code points}
 */
public record PointsPaid(long points, BigDecimal total, BigDecimal amount, BigDecimal returnedShare, long givenBack) {

    public static PointsPaid spent(long points, BigDecimal total, BigDecimal amount) {
        return new PointsPaid(points, total, amount, BigDecimal.ZERO, 0);
    }

    public PointsPaid gaveBack(BigDecimal share, long points) {
        return new PointsPaid(this.points, total, amount, share, givenBack + points);
    }
}
