package io.patronage.points.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The open lots of an account (oldest earned first) and its debt (points a return took back after they were
 * spent, under {@code ALLOW_NEGATIVE}). The balance is always the sum of the open lots minus the debt.
 * Only folded from events; the decisions that read it live in {@code PointsAccount} and its policies. Its sums
 * are exact ({@link LedgerLimits#add}): within the limits every event keeps to they never come near a {@code long}'s
 * range.
 */
public final class Ledger {

    private final List<OpenLot> lots = new ArrayList<>();
    private long debt;

    public Ledger() {
    }

    /** A ledger as folded before: {@code lots} oldest earned first, as {@link #lots()} gave them. */
    public Ledger(List<OpenLot> lots, long debt) {
        this.lots.addAll(lots);
        this.debt = debt;
    }

    public long balance() {
        return LedgerLimits.add(sum(lot -> true), -debt);
    }

    /** What can be spent at {@code at}: the lots past their pending days, minus the debt. */
    public long available(Instant at) {
        return LedgerLimits.add(sum(lot -> lot.availableAt(at)), -debt);
    }

    public long pending(Instant at) {
        return sum(lot -> !lot.availableAt(at));
    }

    public long debt() {
        return debt;
    }

    /**
     * What of {@code points} held by the oldest lots is beyond the debt: the lots credited since the debt arose pay it
     * off first (a return takes every lot before it makes a debt), so that much of them is never lost to expiry.
     */
    public long beyondDebt(long points) {
        return points - Math.min(points, debt);
    }

    public List<OpenLot> lots() {
        return List.copyOf(lots);
    }

    public void credit(Lot lot) {
        int position = 0;
        while (position < lots.size() && !lots.get(position).earnedAt().isAfter(lot.earnedAt())) {
            position++;
        }
        lots.add(position, OpenLot.of(lot));
    }

    public void debit(List<LotDebit> debits) {
        for (LotDebit debit : debits) {
            for (int i = 0; i < lots.size(); i++) {
                OpenLot lot = lots.get(i);
                if (lot.lotId().equals(debit.lotId())) {
                    OpenLot left = lot.minus(debit.points());
                    if (left.remaining() == 0) {
                        lots.remove(i);
                    } else {
                        lots.set(i, left);
                    }
                    break;
                }
            }
        }
    }

    public void addDebt(long points) {
        debt = LedgerLimits.add(debt, points);
    }

    /** Up to {@code points} from the lots {@code from} accepts, oldest first. */
    public List<LotDebit> oldestFirst(long points, Predicate<OpenLot> from) {
        List<LotDebit> debits = new ArrayList<>();
        long left = points;
        for (OpenLot lot : lots) {
            if (left == 0) {
                break;
            }
            if (from.test(lot)) {
                long taken = Math.min(left, lot.remaining());
                debits.add(new LotDebit(lot.lotId(), taken, lot.expiresAt()));
                left -= taken;
            }
        }
        return debits;
    }

    public List<LotDebit> expiredAt(Instant at) {
        return lots.stream().filter(lot -> lot.expiredAt(at))
                .map(lot -> new LotDebit(lot.lotId(), lot.remaining(), lot.expiresAt())).toList();
    }

    public OpenLot lot(String lotId) {
        return lots.stream().filter(lot -> lot.lotId().equals(lotId)).findFirst().orElse(null);
    }

    private long sum(Predicate<OpenLot> which) {
        return lots.stream().filter(which).mapToLong(OpenLot::remaining).reduce(0, LedgerLimits::add);
    }
}
