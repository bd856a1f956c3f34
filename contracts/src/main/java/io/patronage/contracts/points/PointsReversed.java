package io.patronage.contracts.points;

import io.patronage.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Points taken back for a return of an earlier purchase.
 *
 * @param transactionId         the RETURN transaction
 * @param originalTransactionId the purchase returned
 * @param returnedAmount        the amount returned, in the purchase's currency
 * @param points                points reversed by this return
 * @param shortfall             points that could not be taken back because they were already spent
 *                              (what happens to them is the program's return policy)
 */
public record PointsReversed(String memberId,
                             String chainId,
                             String transactionId,
                             String originalTransactionId,
                             String currency,
                             BigDecimal returnedAmount,
                             long points,
                             long shortfall,
                             long balance,
                             Instant occurredAt) implements IntegrationEvent {
    @Override
    public String key() {
        return memberId;
    }
}
