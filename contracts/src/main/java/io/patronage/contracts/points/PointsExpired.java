package io.patronage.contracts.points;

import io.patronage.contracts.IntegrationEvent;

import java.time.Instant;

/** Points of lots that reached their expiry instant. */
public record PointsExpired(String memberId,
                            String chainId,
                            long points,
                            long balance,
                            Instant expiredAt) implements IntegrationEvent {
    @Override
    public String key() {
        return memberId;
    }
}
