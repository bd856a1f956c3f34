package io.patronage.contracts.members;

import io.patronage.contracts.IntegrationEvent;

import java.time.Instant;

/** The member left the program: the card stops earning and no more messages go out. */
public record MemberOptedOut(String memberId, String chainId, Instant optedOutAt) implements IntegrationEvent {
    @Override
    public String key() {
        return memberId;
    }
}
