package io.patronage.contracts.points;

import io.patronage.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Points were debited for {@code requestId}; {@code balance} is what remains.
 *
 * @param expiryChanges what this event changed in the member's expiring points, per expiry instant (an empty list:
 *                      nothing that expires); {@code null} in records published before the field
 */
public record PointsRedeemed(String requestId,
                             String memberId,
                             String chainId,
                             BigDecimal points,
                             BigDecimal balance,
                             Instant redeemedAt,
                             List<ExpiryChange> expiryChanges) implements IntegrationEvent {

    /** Without expiry changes, as records published before them. */
    public PointsRedeemed(String requestId, String memberId, String chainId, BigDecimal points, BigDecimal balance,
                          Instant redeemedAt) {
        this(requestId, memberId, chainId, points, balance, redeemedAt, null);
    }

    @Override
    public String key() {
        return memberId;
    }
}
