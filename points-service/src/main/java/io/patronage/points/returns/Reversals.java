package io.patronage.points.returns;

import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.retail.TransactionLine;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
            debits.add(new LotDebit(own.lotId(), fromOwn, own.expiresAt()));
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
                LedgerLimits.balanceAfter(memberId, ledger.balance(), -removed), refund.occurredAt(), fingerprint,
                refund.lines());
    }

    /** A return's lines matched to one of the member's purchases, as a return of that purchase. */
    public record Match(String originalTransactionId, Purchase purchase, PosTransaction refund) {
    }

    /**
     * A return without {@code originalTransactionId} (an unlinked refund) matched to the member's purchases of the same
     * SKUs, newest first (by till time; the same instant: the greater transaction id first): each returned line's
     * quantity is taken from the newest purchase that still has some of that SKU not returned, then the next, never
     * more than was bought there; what no purchase has left (or a line without SKU) matches nothing. Each purchase it
     * matches gets a return of its matched lines ({@code originalTransactionId} set), refunding the share of the
     * refund's total those lines make up, which {@link #reverse} turns into points like any return of that purchase.
     *
     * @param purchases the member's purchases that earned points, by transaction id
     */
    public static List<Match> match(Map<String, Purchase> purchases, PosTransaction refund) {
        List<TransactionLine> lines = refund.lines() == null ? List.of() : refund.lines();
        List<Map.Entry<String, Purchase>> newestFirst = purchases.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Purchase> e) -> e.getValue().occurredAt())
                        .thenComparing(Map.Entry::getKey).reversed())
                .toList();
        Map<String, List<TransactionLine>> matched = new LinkedHashMap<>();
        Map<String, Map<String, BigDecimal>> taken = new HashMap<>();
        for (TransactionLine line : lines) {
            BigDecimal wanted = line.quantity();
            if (line.sku() == null || wanted == null) {
                continue;
            }
            for (Map.Entry<String, Purchase> purchase : newestFirst) {
                if (wanted.signum() <= 0) {
                    break;
                }
                Map<String, BigDecimal> takenHere = taken.computeIfAbsent(purchase.getKey(), k -> new HashMap<>());
                BigDecimal left = purchase.getValue().left(line.sku())
                        .subtract(takenHere.getOrDefault(line.sku(), BigDecimal.ZERO));
                BigDecimal quantity = left.min(wanted);
                if (quantity.signum() > 0) {
                    takenHere.merge(line.sku(), quantity, BigDecimal::add);
                    matched.computeIfAbsent(purchase.getKey(), k -> new ArrayList<>()).add(new TransactionLine(
                            line.sku(), line.category(), quantity, line.unitPrice(), line.paidWithReward()));
                    wanted = wanted.subtract(quantity);
                }
            }
        }
        BigDecimal weight = weight(lines);
        List<Match> matches = new ArrayList<>();
        matched.forEach((transactionId, matchedLines) -> {
            BigDecimal total = weight.signum() == 0 ? BigDecimal.ZERO : refund.total().abs().multiply(weight(matchedLines))
                    .divide(weight, refund.total().scale(), RoundingMode.HALF_UP);
            matches.add(new Match(transactionId, purchases.get(transactionId), new PosTransaction(
                    refund.transactionId(), refund.chainId(), refund.storeId(), refund.cardNumber(), refund.type(),
                    refund.occurredAt(), refund.currency(), total, matchedLines, refund.couponCodes(), transactionId)));
        });
        return matches;
    }

    private static BigDecimal weight(List<TransactionLine> lines) {
        return lines.stream().map(line -> line.quantity().multiply(line.unitPrice()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? BigDecimal.ONE : part.divide(whole, 12, RoundingMode.HALF_UP);
    }
}
