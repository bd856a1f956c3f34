package io.patronage.contracts.members;

import io.patronage.contracts.IntegrationEvent;

import java.time.Instant;

/** A member enrolled with another member's referral code; both may earn a referral bonus. */
public record ReferralRegistered(String memberId,
                                 String chainId,
                                 String referrerMemberId,
                                 Instant registeredAt) implements IntegrationEvent {
    @Override
    public String key() {
        return memberId;
    }
}
