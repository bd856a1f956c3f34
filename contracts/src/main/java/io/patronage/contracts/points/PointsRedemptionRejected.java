package io.patronage.contracts.points;

import io.patronage.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A debit request was refused; nothing was debited.
 *
 * @param reason machine-readable reason, e.g. {@code INSUFFICIENT_POINTS} or {@code UNKNOWN_MEMBER}
 * @param detail a sentence a person can read
 */
public record PointsRedemptionRejected(String requestId,
                                       String memberId,
                                       String chainId,
                                       BigDecimal points,
                                       BigDecimal balance,
                                       String reason,
                                       String detail,
                                       Instant rejectedAt) implements IntegrationEvent {
    @Override
    public String key() {
        return memberId;
    }
}
