package io.patronage.contracts.points;

import io.patronage.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Points taken back for a return of an earlier purchase.
 *
 * @param transactionId         the RETURN transaction
 * @param originalTransactionId the purchase returned
 * @param returnedAmount        the amount returned, in the purchase's currency
 * @param points                points reversed by this return
 * @param shortfall             points that could not be taken back because they were already spent
 *                              (what happens to them is the program's return policy)
 * @param expiryChanges what this event changed in the member's expiring points, per expiry instant (an empty list:
 *                      nothing that expires); {@code null} in records published before the field
 */
public record PointsReversed(String memberId,
                             String chainId,
                             String transactionId,
                             String originalTransactionId,
                             String currency,
                             BigDecimal returnedAmount,
                             BigDecimal points,
                             BigDecimal shortfall,
                             BigDecimal balance,
                             Instant occurredAt,
                             List<ExpiryChange> expiryChanges) implements IntegrationEvent {

    /** Without expiry changes, as records published before them. */
    public PointsReversed(String memberId, String chainId, String transactionId, String originalTransactionId,
                          String currency, BigDecimal returnedAmount, BigDecimal points, BigDecimal shortfall,
                          BigDecimal balance, Instant occurredAt) {
        this(memberId, chainId, transactionId, originalTransactionId, currency, returnedAmount, points, shortfall,
                balance, occurredAt, null);
    }

    @Override
    public String key() {
        return memberId;
    }
}
