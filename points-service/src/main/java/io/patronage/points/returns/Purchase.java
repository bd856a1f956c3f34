package io.patronage.points.returns;

import java.math.BigDecimal;
import java.time.Instant;

/** A purchase that earned points, with what its returns have taken back so far. */
public record Purchase(String lotId, long points, BigDecimal amount, BigDecimal eligibleAmount, Instant occurredAt,
                       long referrerBonus, BigDecimal returnedShare, long reversedPoints) {

    public Purchase returned(BigDecimal share, long points) {
        return new Purchase(lotId, this.points, amount, eligibleAmount, occurredAt, referrerBonus, share,
                reversedPoints + points);
    }
}
