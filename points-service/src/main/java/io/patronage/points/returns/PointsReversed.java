package io.patronage.points.returns;

import io.patronage.contracts.retail.TransactionLine;
import io.patronage.points.ledger.LedgerLimits;
import io.patronage.points.ledger.LotDebit;
import io.patronage.points.ledger.PointsAccountEvent;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A return took back points of its purchase.
 *
 * @param points    what the return reverses (proportional to what was returned, cumulative over partial returns)
 * @param debits    what was taken from lots
 * @param debt      what was taken beyond the lots ({@code ALLOW_NEGATIVE}): the balance goes below zero
 * @param shortfall what could not be taken from the lots because it was spent: forgiven, or {@code debt}
 * @param share     the share of the purchase returned so far, including this return (0..1)
 * @param fingerprint what the till record of the return said, {@code null} in events recorded before it was kept
 * @param lines     the returned lines of this purchase (for a return without {@code originalTransactionId}: those
 *                  matched to it), so later returns know what is left of it; empty in events recorded before
 */
public record PointsReversed(String memberId, String chainId, String transactionId, String originalTransactionId,
                             String currency, BigDecimal returnedAmount, long points, List<LotDebit> debits,
                             long debt, long shortfall, BigDecimal share, long balanceAfter,
                             OffsetDateTime occurredAt, String fingerprint, List<TransactionLine> lines)
        implements PointsAccountEvent {

    public PointsReversed {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public PointsReversed(String memberId, String chainId, String transactionId, String originalTransactionId,
                          String currency, BigDecimal returnedAmount, long points, List<LotDebit> debits, long debt,
                          long shortfall, BigDecimal share, long balanceAfter, OffsetDateTime occurredAt,
                          String fingerprint) {
        this(memberId, chainId, transactionId, originalTransactionId, currency, returnedAmount, points, debits, debt,
                shortfall, share, balanceAfter, occurredAt, fingerprint, null);
    }

    public PointsReversed(String memberId, String chainId, String transactionId, String originalTransactionId,
                          String currency, BigDecimal returnedAmount, long points, List<LotDebit> debits, long debt,
                          long shortfall, BigDecimal share, long balanceAfter, OffsetDateTime occurredAt) {
        this(memberId, chainId, transactionId, originalTransactionId, currency, returnedAmount, points, debits, debt,
                shortfall, share, balanceAfter, occurredAt, null);
    }

    public long taken() {
        return LedgerLimits.add(debits.stream().mapToLong(LotDebit::points).reduce(0, LedgerLimits::add), debt);
    }
}
