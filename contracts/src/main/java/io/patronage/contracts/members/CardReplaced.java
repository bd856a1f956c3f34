package io.patronage.contracts.members;

import io.patronage.contracts.IntegrationEvent;

import java.time.Instant;

/** A lost card was replaced: the old number stops earning, the new one earns into the same account. */
public record CardReplaced(String memberId,
                           String chainId,
                           String oldCardNumber,
                           String newCardNumber,
                           Instant replacedAt) implements IntegrationEvent {
    @Override
    public String key() {
        return memberId;
    }
}
