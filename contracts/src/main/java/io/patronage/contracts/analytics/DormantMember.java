package io.patronage.contracts.analytics;

import io.patronage.contracts.IntegrationEvent;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A member of a chain who has not bought for the chain's dormancy period (N days): one row of the dormant list, for
 * win-back campaigns. Compacted, keyed {@code chainId|memberId}; a tombstone (no value) when the member buys again or
 * is erased.
 *
 * @param lastPurchaseAt the member's latest purchase (the till's time); {@code null} for a member who never bought
 *                       (dormant N days after enrolling)
 * @param since          the day (the chain's zone) the member became dormant: N days after the last purchase's day
 *                       (or the enrollment's)
 * @param daysDormant    days without a purchase (since the last purchase's day, or the enrollment's) on the day the
 *                       record was written; over HTTP, as of today
 */
public record DormantMember(String chainId,
                            String memberId,
                            Instant lastPurchaseAt,
                            LocalDate since,
                            long daysDormant) implements IntegrationEvent {
    @Override
    public String key() {
        return chainId + "|" + memberId;
    }
}
