package io.patronage.contracts.analytics;

import io.patronage.contracts.IntegrationEvent;

import java.time.Instant;

/**
 * Program participation of one chain over one period, published to a compacted topic keyed by
 * {@code chainId + "|" + period}: the latest record per key is the current view.
 *
 * @param period {@code all-time} or an ISO month such as {@code 2026-11}
 */
public record ParticipationView(String chainId,
                                String period,
                                long enrolledMembers,
                                long memberTransactions,
                                long nonMemberTransactions,
                                long pointsIssued,
                                long pointsRedeemed,
                                Instant computedAt) implements IntegrationEvent {
    @Override
    public String key() {
        return chainId + "|" + period;
    }
}
