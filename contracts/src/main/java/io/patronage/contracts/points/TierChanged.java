package io.patronage.contracts.points;

import io.patronage.contracts.IntegrationEvent;

import java.time.Instant;

/** The member moved between tiers; {@code fromTier} is {@code null} for the first tier. */
public record TierChanged(String memberId,
                          String chainId,
                          String fromTier,
                          String toTier,
                          String reason,
                          Instant changedAt) implements IntegrationEvent {
    @Override
    public String key() {
        return memberId;
    }
}
