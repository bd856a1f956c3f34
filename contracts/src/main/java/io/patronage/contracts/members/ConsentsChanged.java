package io.patronage.contracts.members;

import io.patronage.contracts.IntegrationEvent;

import java.time.Instant;

/** The member's marketing consents now; transactional messages need no consent. */
public record ConsentsChanged(String memberId,
                              String chainId,
                              boolean marketingEmail,
                              boolean marketingSms,
                              Instant changedAt) implements IntegrationEvent {
    @Override
    public String key() {
        return memberId;
    }
}
