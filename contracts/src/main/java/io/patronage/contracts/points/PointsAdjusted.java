package io.patronage.contracts.points;

import io.patronage.contracts.IntegrationEvent;

import java.time.Instant;

/** An operator corrected a balance; {@code points} is signed. */
public record PointsAdjusted(String memberId,
                             String chainId,
                             String adjustmentId,
                             long points,
                             String reason,
                             String actor,
                             long balance,
                             Instant adjustedAt) implements IntegrationEvent {
    @Override
    public String key() {
        return memberId;
    }
}
