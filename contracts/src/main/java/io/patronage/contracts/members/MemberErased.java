package io.patronage.contracts.members;

import io.patronage.contracts.IntegrationEvent;

import java.time.Instant;

/**
 * The member's personal data was erased (GDPR): consumers drop whatever personal data they hold
 * about the member (birth date, locale, card number mapping) and keep only ids, dates and amounts.
 */
public record MemberErased(String memberId, String chainId, Instant erasedAt) implements IntegrationEvent {
    @Override
    public String key() {
        return memberId;
    }
}
