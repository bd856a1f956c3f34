package io.patronage.points.earning;

import io.patronage.contracts.retail.PointsPayment;
import io.patronage.contracts.retail.TransactionLine;
import io.patronage.points.ledger.Lot;
import io.patronage.points.ledger.PointsAccountEvent;

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
 * @param lines          the purchase's lines and {@code couponCodes} its coupons: the inputs a what-if re-rating
 *                       replays (empty in events recorded before they were kept)
 * @param fingerprint    what the till record said ({@code Fingerprint.of} the transaction), so that a resend with
 *                       other content is told apart; {@code null} in events recorded before it was kept
 * @param pointsPayment  the part of the till's total the member paid with points (debited by the
 *                       {@code PointsRedeemed} before this event), which earned nothing: {@code amount} is then what
 *                       was paid otherwise; {@code null} when points paid nothing (and in events recorded before)
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
                           long referrerBonus,
                           List<TransactionLine> lines,
                           List<String> couponCodes,
                           String fingerprint,
                           PointsPayment pointsPayment) implements PointsAccountEvent {

    public PointsEarned {
        lines = lines == null ? List.of() : List.copyOf(lines);
        couponCodes = couponCodes == null ? List.of() : List.copyOf(couponCodes);
    }

    /** A purchase without a points payment. */
    public PointsEarned(String memberId, String chainId, String transactionId, String storeId, String currency,
                        BigDecimal amount, BigDecimal eligibleAmount, long points, String ruleVersion,
                        List<Contribution> breakdown, OffsetDateTime occurredAt, Lot lot, long balanceAfter,
                        long referrerBonus, List<TransactionLine> lines, List<String> couponCodes, String fingerprint) {
        this(memberId, chainId, transactionId, storeId, currency, amount, eligibleAmount, points, ruleVersion,
                breakdown, occurredAt, lot, balanceAfter, referrerBonus, lines, couponCodes, fingerprint, null);
    }

    public PointsEarned(String memberId, String chainId, String transactionId, String storeId, String currency,
                        BigDecimal amount, BigDecimal eligibleAmount, long points, String ruleVersion,
                        List<Contribution> breakdown, OffsetDateTime occurredAt, Lot lot, long balanceAfter,
                        long referrerBonus, List<TransactionLine> lines, List<String> couponCodes) {
        this(memberId, chainId, transactionId, storeId, currency, amount, eligibleAmount, points, ruleVersion,
                breakdown, occurredAt, lot, balanceAfter, referrerBonus, lines, couponCodes, null);
    }

    public PointsEarned(String memberId, String chainId, String transactionId, String storeId, String currency,
                        BigDecimal amount, BigDecimal eligibleAmount, long points, String ruleVersion,
                        List<Contribution> breakdown, OffsetDateTime occurredAt, Lot lot, long balanceAfter) {
        this(memberId, chainId, transactionId, storeId, currency, amount, eligibleAmount, points, ruleVersion,
                breakdown, occurredAt, lot, balanceAfter, 0, null, null, null);
    }

    public PointsEarned(String memberId, String chainId, String transactionId, String storeId, String currency,
                        BigDecimal amount, BigDecimal eligibleAmount, long points, String ruleVersion,
                        List<Contribution> breakdown, OffsetDateTime occurredAt, Lot lot, long balanceAfter,
                        long referrerBonus) {
        this(memberId, chainId, transactionId, storeId, currency, amount, eligibleAmount, points, ruleVersion,
                breakdown, occurredAt, lot, balanceAfter, referrerBonus, null, null, null);
    }
}
