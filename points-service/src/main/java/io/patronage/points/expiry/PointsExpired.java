package io.patronage.points.expiry;

import io.patronage.points.ledger.LotDebit;
import io.patronage.points.ledger.PointsAccountEvent;

import java.time.Instant;
import java.util.List;

/**
 * What was left of lots whose expiry instant passed: {@code debits} close them.
 *
 * @param points      what the member lost: the lots' points beyond their debt
 * @param debtSettled what of the lots paid the member's debt (a return's under {@code ALLOW_NEGATIVE}) rather than
 *                    expiring: points earned while in debt pay it off, they do not expire from under it. 0 in the
 *                    events stored before it was counted
 */
public record PointsExpired(String memberId, String chainId, long points, List<LotDebit> debits, long balanceAfter,
                            Instant expiredAt, long debtSettled) implements PointsAccountEvent {
}
