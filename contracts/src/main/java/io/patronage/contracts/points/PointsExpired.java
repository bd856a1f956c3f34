package io.patronage.contracts.points;

import io.patronage.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Points of lots that reached their expiry instant.
 *
 * @param expiryChanges what this event changed in the member's expiring points, per expiry instant (an empty list:
 *                      nothing that expires); {@code null} in records published before the field
 */
public record PointsExpired(String memberId,
                            String chainId,
                            BigDecimal points,
                            BigDecimal balance,
                            Instant expiredAt,
                            List<ExpiryChange> expiryChanges) implements IntegrationEvent {

    /** Without expiry changes, as records published before them. */
    public PointsExpired(String memberId, String chainId, BigDecimal points, BigDecimal balance, Instant expiredAt) {
        this(memberId, chainId, points, balance, expiredAt, null);
    }

    @Override
    public String key() {
        return memberId;
    }
}
