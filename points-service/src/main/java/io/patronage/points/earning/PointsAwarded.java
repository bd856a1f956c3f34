package io.patronage.points.earning;

import io.patronage.points.ledger.Lot;
import io.patronage.points.ledger.PointsAccountEvent;

import java.time.Instant;

/** Points given outside a purchase (referrer or engagement bonus); {@code awardId} counts once. */
public record PointsAwarded(String memberId, String chainId, String awardId, String rule, String ruleVersion,
                            long points, Lot lot, long balanceAfter, Instant awardedAt) implements PointsAccountEvent {
}
