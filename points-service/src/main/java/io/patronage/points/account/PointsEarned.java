package io.patronage.points.account;

import io.patronage.points.earning.Contribution;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A purchase was earned on. Recorded even when it earned 0 points (e.g. under the minimum spend), so the
 * transaction counts once and the outcome can be explained.
 *
 * @param amount         the transaction total, in {@code currency}
 * @param eligibleAmount the part of it that could earn
 * @param occurredAt     till time with the store's offset
 * @param lot            the new lot, {@code null} when no points were earned
 * @param balanceAfter   the account's balance after this event
 * @param referrerBonus  points this first purchase owes the member's referrer (awarded on the referrer's account)
 */
public record PointsEarned(String memberId,
                           String chainId,
                           String transactionId,
                           String storeId,
                           String currency,
                           BigDecimal amount,
                           BigDecimal eligibleAmount,
                           long points,
                           String ruleVersion,
                           List<Contribution> breakdown,
                           OffsetDateTime occurredAt,
                           Lot lot,
                           long balanceAfter,
                           long referrerBonus) implements PointsAccountEvent {

    public PointsEarned(String memberId, String chainId, String transactionId, String storeId, String currency,
                        BigDecimal amount, BigDecimal eligibleAmount, long points, String ruleVersion,
                        List<Contribution> breakdown, OffsetDateTime occurredAt, Lot lot, long balanceAfter) {
        this(memberId, chainId, transactionId, storeId, currency, amount, eligibleAmount, points, ruleVersion,
                breakdown, occurredAt, lot, balanceAfter, 0);
    }
}
