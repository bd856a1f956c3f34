package io.patronage.points.ledger;

import java.time.Instant;

/**
 * Points credited together, spent oldest first. What the rules decide about a lot when it is credited
 * (pending until, expiry) is fixed here by the rules in force at that moment.
 *
 * @param lotId       {@code chainId:transactionId} for a purchase, the award or adjustment id otherwise
 * @param earnedAt    when the purchase happened at the till (or the award was given)
 * @param availableAt from when the points can be spent (after the pending days); {@code earnedAt} without any
 * @param expiresAt   when what is left of them expires, {@code null} never
 * @param noticeAt    when to announce the expiry to the member, {@code null} never
 */
public record Lot(String lotId, long points, Instant earnedAt, Instant availableAt, Instant expiresAt,
                  Instant noticeAt) {

    public Lot {
        availableAt = availableAt == null ? earnedAt : availableAt;
    }

    public Lot(String lotId, long points, Instant earnedAt) {
        this(lotId, points, earnedAt, earnedAt, null, null);
    }
}
