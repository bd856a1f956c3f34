package io.patronage.contracts.points;

import io.patronage.contracts.IntegrationEvent;

import java.time.Instant;

/** Points were debited for {@code requestId}; {@code balance} is what remains. */
public record PointsRedeemed(String requestId,
                             String memberId,
                             String chainId,
                             long points,
                             long balance,
                             Instant redeemedAt) implements IntegrationEvent {
    @Override
    public String key() {
        return memberId;
    }
}
