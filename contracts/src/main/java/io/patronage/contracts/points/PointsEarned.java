package io.patronage.contracts.points;

import io.patronage.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A member earned points on a purchase.
 *
 * @param amount      the transaction total the points were earned on, in {@code currency}
 * @param ruleVersion the program rule version that was applied
 * @param breakdown   per-rule contributions; they add up to {@code points}
 * @param balance     the member's balance after this event
 * @param expiryChanges what this event changed in the member's expiring points, per expiry instant (an empty list:
 *                      nothing that expires); {@code null} in records published before the field
 */
public record PointsEarned(String memberId,
                           String chainId,
                           String transactionId,
                           String storeId,
                           String currency,
                           BigDecimal amount,
                           BigDecimal points,
                           String ruleVersion,
                           List<RuleContribution> breakdown,
                           BigDecimal balance,
                           Instant occurredAt,
                           List<ExpiryChange> expiryChanges) implements IntegrationEvent {

    /** Without expiry changes, as records published before them. */
    public PointsEarned(String memberId, String chainId, String transactionId, String storeId, String currency,
                        BigDecimal amount, BigDecimal points, String ruleVersion, List<RuleContribution> breakdown,
                        BigDecimal balance, Instant occurredAt) {
        this(memberId, chainId, transactionId, storeId, currency, amount, points, ruleVersion, breakdown, balance,
                occurredAt, null);
    }

    @Override
    public String key() {
        return memberId;
    }
}
