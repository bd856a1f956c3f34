package io.patronage.points.adjustments;

import io.patronage.points.ledger.Ledger;
import io.patronage.points.ledger.LedgerLimits;
import io.patronage.points.ledger.Lot;
import io.patronage.points.ledger.LotDebit;
import io.patronage.points.program.ProgramRules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The adjustment policy: a credit is a new lot (expiring when the operator says, or else as the rules say), a debit
 * takes the oldest lots first.
 */
public final class Adjustments {

    private Adjustments() {
    }

    /**
     * @param rules the rules in force at the adjustment
     * @throws IllegalStateException for a debit above the balance (or beyond the ledger's limits)
     */
    public static PointsAdjusted adjust(String chainId, AdjustPoints command, ProgramRules rules, Ledger ledger) {
        long points = command.points();
        long balanceAfter = LedgerLimits.balanceAfter(command.memberId(), ledger.balance(), points);
        Lot lot = null;
        List<LotDebit> debits = List.of();
        if (points > 0) {
            lot = command.expiresAt() == null
                    ? new Lot(command.adjustmentId(), points, command.at(), command.at(),
                            rules.expiry().expiresAt(command.at(), rules.timeZone()), null)
                    : new Lot(command.adjustmentId(), points, command.at(), command.at(), command.expiresAt(),
                            noticeAt(command.expiresAt(), rules));
        } else if (-points > ledger.balance()) {
            throw new IllegalStateException("a debit of " + -points + " points is above the balance of "
                    + ledger.balance());
        } else {
            debits = ledger.oldestFirst(-points, any -> true);
        }
        return new PointsAdjusted(command.memberId(), chainId, command.adjustmentId(), points, command.reason(),
                command.actor(), lot, debits, balanceAfter, command.at(), command.expiresAt());
    }

    private static Instant noticeAt(Instant expiresAt, ProgramRules rules) {
        int days = rules.expiry().notifyDaysBefore();
        return days == 0 ? null : expiresAt.minus(Duration.ofDays(days));
    }
}
