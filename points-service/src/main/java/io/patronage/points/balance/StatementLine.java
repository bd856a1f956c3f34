package io.patronage.points.balance;

import io.patronage.points.account.Poisoned;
import io.patronage.points.adjustments.PointsAdjusted;
import io.patronage.points.earning.PointsAwarded;
import io.patronage.points.earning.PointsEarned;
import io.patronage.points.expiry.PointsExpired;
import io.patronage.points.ledger.LedgerLimits;
import io.patronage.points.ledger.PointsAccountEvent;
import io.patronage.points.ledger.PointsOverflowException;
import io.patronage.points.ledger.PointsUnit;
import io.patronage.points.redemption.PointsRedeemed;
import io.patronage.points.returns.PointsReversed;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One ledger movement of a member's statement; {@code balance} is the running balance after it. */
record StatementLine(Instant at, String kind, String reference, BigDecimal points, BigDecimal balance, String detail) {

    /**
     * The lines of the log's entries, in points of {@code unit}.
     *
     * @throws PointsOverflowException when the log holds a poisoned event: the account is frozen at it
     */
    static List<StatementLine> of(List<AccountHistory.Entry> entries, PointsUnit unit) {
        List<StatementLine> lines = new ArrayList<>();
        long balance = 0;
        for (AccountHistory.Entry entry : entries) {
            PointsAccountEvent event = entry.event();
            String violation = Poisoned.violation(event);
            if (violation != null) {
                throw new PointsOverflowException("event " + entry.sequence() + " of member " + event.memberId()
                        + ", " + violation + ": the account is frozen at it");
            }
            long delta = BalanceChange.of(event).balanceDelta();
            balance = LedgerLimits.add(balance, delta);
            StatementLine line = line(entry.at(), event, unit.points(delta), unit.points(balance), unit);
            if (line != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static StatementLine line(Instant at, PointsAccountEvent event, BigDecimal delta, BigDecimal balance,
                                      PointsUnit unit) {
        if (event instanceof PointsEarned e && e.points() != 0) {
            return new StatementLine(e.occurredAt().toInstant(), "EARNED", e.transactionId(), delta, balance,
                    e.ruleVersion());
        }
        if (event instanceof PointsAwarded a) {
            return new StatementLine(a.awardedAt(), "AWARDED", a.awardId(), delta, balance, a.rule());
        }
        if (event instanceof PointsReversed r) {
            return new StatementLine(r.occurredAt().toInstant(), "REVERSED", r.transactionId(), delta, balance,
                    "return of " + r.originalTransactionId()
                            + (r.shortfall() > 0 ? ", shortfall " + unit.points(r.shortfall()).toPlainString() : ""));
        }
        if (event instanceof PointsRedeemed r) {
            return new StatementLine(at, "REDEEMED", r.requestId(), delta, balance, r.reason());
        }
        if (event instanceof PointsAdjusted a) {
            return new StatementLine(a.adjustedAt(), "ADJUSTED", a.adjustmentId(), delta, balance,
                    a.reason() + " (by " + a.actor() + ")");
        }
        if (event instanceof PointsExpired x) {
            return new StatementLine(x.expiredAt(), "EXPIRED", null, delta, balance, x.debtSettled() > 0
                    ? unit.points(x.debtSettled()).toPlainString() + " paid off the debt instead" : null);
        }
        return null;
    }
}
