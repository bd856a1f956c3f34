package io.patronage.points.expiry;

import io.patronage.points.ledger.Ledger;
import io.patronage.points.ledger.LedgerLimits;
import io.patronage.points.ledger.LotDebit;
import io.patronage.points.ledger.OpenLot;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The expiry policy, pure functions of the ledger at a review: the lots past their expiry, the notices now due. */
public final class Expiries {

    private Expiries() {
    }

    /** What is left of the lots expired by {@code at}, {@code null} when none. */
    public static PointsExpired expire(String memberId, String chainId, Ledger ledger, Instant at) {
        List<LotDebit> expired = ledger.expiredAt(at);
        if (expired.isEmpty()) {
            return null;
        }
        long closed = expired.stream().mapToLong(LotDebit::points).reduce(0, LedgerLimits::add);
        long lost = ledger.beyondDebt(closed);
        return new PointsExpired(memberId, chainId, lost, expired,
                LedgerLimits.balanceAfter(memberId, ledger.balance(), -lost), at, closed - lost);
    }

    /**
     * One notice for the lots whose notice is due by {@code at} and not yet given, {@code null} when none — or when
     * all they hold pays off the member's debt, so that nothing of them will be lost.
     */
    public static ExpiryAnnounced announce(String memberId, String chainId, Ledger ledger, Set<String> announced,
                                           Instant at) {
        List<OpenLot> due = ledger.lots().stream()
                .filter(lot -> lot.noticeAt() != null && !lot.noticeAt().isAfter(at)
                        && !announced.contains(lot.lotId()))
                .toList();
        long lost = ledger.beyondDebt(due.stream().mapToLong(OpenLot::remaining).reduce(0, LedgerLimits::add));
        if (lost == 0) {
            return null;
        }
        Instant first = due.stream().map(OpenLot::expiresAt).min(Instant::compareTo).orElseThrow();
        return new ExpiryAnnounced(memberId, chainId, "expiry:" + memberId + ":" + due.get(0).lotId(), lost, first,
                due.stream().map(OpenLot::lotId).toList(), at);
    }
}
