package io.patronage.points.returns;

import io.patronage.contracts.retail.PosTransaction;
import io.patronage.points.earning.EarningPolicy;
import io.patronage.points.ledger.Ledger;
import io.patronage.points.ledger.LedgerLimits;
import io.patronage.points.ledger.LotDebit;
import io.patronage.points.ledger.OpenLot;
import io.patronage.points.program.ProgramRules;
import io.patronage.points.program.ReturnPolicy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The return policy, a pure function: what a return takes back of its purchase's points — proportional to the
 * returned amount (or to the returned lines' eligible amount), cumulative over partial returns, never beyond what
 * was earned — first from what is left of the purchase's own lot, then as the program's {@link ReturnPolicy} says.
 */
public final class Reversals {

    private Reversals() {
    }

    /**
     * The reversal of {@code refund}, {@code null} when it takes nothing.
     *
     * @param rules the rules in force at the purchase
     */
    public static PointsReversed reverse(String memberId, ProgramRules rules, Purchase purchase, PosTransaction refund,
                                         String fingerprint, Ledger ledger) {
        BigDecimal returned = refund.total().abs();
        BigDecimal share = refund.lines() == null || refund.lines().isEmpty()
                ? ratio(returned, purchase.amount())
                : ratio(returned.multiply(EarningPolicy.eligibleShare(rules, refund)), purchase.eligibleAmount());
        BigDecimal cumulative = purchase.returnedShare().add(share).min(BigDecimal.ONE);
        // the share is a 12-digit quotient: settle its last-digit error before flooring (10/12 of 12 points is 10)
        long target = BigDecimal.valueOf(purchase.points()).multiply(cumulative)
                .setScale(6, RoundingMode.HALF_UP).setScale(0, RoundingMode.FLOOR).longValueExact();
        long points = target - purchase.reversedPoints();
        if (points == 0 && cumulative.compareTo(purchase.returnedShare()) == 0) {
            return null;
        }

        List<LotDebit> debits = new ArrayList<>();
        OpenLot own = ledger.lot(purchase.lotId());
        long fromOwn = own == null ? 0 : Math.min(points, own.remaining());
        if (fromOwn > 0) {
            debits.add(new LotDebit(own.lotId(), fromOwn));
        }
        long rest = points - fromOwn;
        long debt = 0;
        if (rest > 0 && rules.returnPolicy() != ReturnPolicy.FORGIVE) {
            long balanceLeft = LedgerLimits.add(ledger.balance(), -fromOwn);
            long fromOthers = rules.returnPolicy() == ReturnPolicy.CLAMP_AT_ZERO
                    ? Math.max(0, Math.min(rest, balanceLeft)) : rest;
            List<LotDebit> others = ledger.oldestFirst(fromOthers, lot -> !lot.lotId().equals(purchase.lotId()));
            debits.addAll(others);
            long taken = others.stream().mapToLong(LotDebit::points).reduce(0, LedgerLimits::add);
            if (rules.returnPolicy() == ReturnPolicy.ALLOW_NEGATIVE) {
                debt = rest - taken;
            }
            rest -= taken;
        }
        long shortfall = rest;
        long removed = points - shortfall + debt;
        return new PointsReversed(memberId, refund.chainId(), refund.transactionId(), refund.originalTransactionId(),
                refund.currency(), returned, points, debits, debt, shortfall, cumulative,
                LedgerLimits.balanceAfter(memberId, ledger.balance(), -removed), refund.occurredAt(), fingerprint);
    }

    private static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? BigDecimal.ONE : part.divide(whole, 12, RoundingMode.HALF_UP);
    }
}
