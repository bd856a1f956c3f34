package io.patronage.contracts.points;

import io.patronage.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An operator corrected a balance; {@code points} is signed.
 *
 * @param expiryChanges what this event changed in the member's expiring points, per expiry instant (an empty list:
 *                      nothing that expires); {@code null} in records published before the field
 */
public record PointsAdjusted(String memberId,
                             String chainId,
                             String adjustmentId,
                             BigDecimal points,
                             String reason,
                             String actor,
                             BigDecimal balance,
                             Instant adjustedAt,
                             List<ExpiryChange> expiryChanges) implements IntegrationEvent {

    /** Without expiry changes, as records published before them. */
    public PointsAdjusted(String memberId, String chainId, String adjustmentId, BigDecimal points, String reason,
                          String actor,
                          BigDecimal balance, Instant adjustedAt) {
        this(memberId, chainId, adjustmentId, points, reason, actor, balance, adjustedAt, null);
    }

    @Override
    public String key() {
        return memberId;
    }
}
