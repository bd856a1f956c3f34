package io.patronage.points.tiers;

import io.patronage.points.ledger.PointsAccountEvent;

import java.time.Instant;

/** The member moved between tiers; {@code fromTier} is {@code null} for the first, {@code toTier} for none. */
public record TierChanged(String memberId, String chainId, String fromTier, String toTier, String reason,
                          Instant changedAt) implements PointsAccountEvent {
}
