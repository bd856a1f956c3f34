package io.patronage.contracts.points;

import io.patronage.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Asks points-service to credit a member's points back, e.g. a debit that reached the rewards saga after its
 * deadline had expired the redemption. {@code requestId} counts once; points-service credits a new lot (expiring as
 * the program says) and answers with {@link PointsAdjusted} whose {@code adjustmentId} is the {@code requestId}.
 *
 * @param reason what the credit gives back, e.g. {@code refund:<redemptionId>}
 */
public record PointsCreditRequested(String requestId,
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
