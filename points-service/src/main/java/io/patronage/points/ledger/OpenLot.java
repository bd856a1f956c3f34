package io.patronage.points.ledger;

import java.time.Instant;

/** A lot with points left. */
public record OpenLot(String lotId, Instant earnedAt, Instant availableAt, Instant expiresAt, Instant noticeAt,
                      long remaining) {

    static OpenLot of(Lot lot) {
        return new OpenLot(lot.lotId(), lot.earnedAt(), lot.availableAt(), lot.expiresAt(), lot.noticeAt(), lot.points());
    }

    OpenLot minus(long points) {
        return new OpenLot(lotId, earnedAt, availableAt, expiresAt, noticeAt, remaining - points);
    }

    /** A lot without pending days can be spent at once, even when the till's clock runs ahead of ours. */
    public boolean availableAt(Instant at) {
        return availableAt.equals(earnedAt) || !availableAt.isAfter(at);
    }

    public boolean expiredAt(Instant at) {
        return expiresAt != null && !expiresAt.isAfter(at);
    }
}
