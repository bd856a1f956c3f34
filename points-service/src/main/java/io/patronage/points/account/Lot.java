package io.patronage.points.account;

import java.time.Instant;

/**
 * Points earned together, spent oldest first. What the rules decide about a lot when it is earned
 * (pending until, expiry) belongs here, so it is fixed by the rules in force at that moment.
 *
 * @param lotId    the transaction that earned it, {@code chainId:transactionId}
 * @param earnedAt when the purchase happened at the till
 */
public record Lot(String lotId, long points, Instant earnedAt) {
}
