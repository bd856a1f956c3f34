package io.patronage.contracts.points;

import io.patronage.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Asks points-service to debit a member's points. Answered on {@code loyalty.points.v1} by
 * {@link PointsRedeemed} or {@link PointsRedemptionRejected} carrying the same {@code requestId}.
 */
public record PointsDebitRequested(String requestId,
                                   String memberId,
                                   String chainId,
                                   BigDecimal points,
                                   String reason,
                                   Instant requestedAt) implements IntegrationEvent {
    @Override
    public String key() {
        return memberId;
    }
}
