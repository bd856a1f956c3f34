package io.patronage.points.balance;

import io.micronaut.core.annotation.Nullable;
import io.patronage.points.account.Poisoned;
import io.patronage.points.ledger.LedgerLimits;
import io.patronage.points.ledger.PointsAccountEvent;
import io.patronage.points.ledger.PointsOverflowException;
import io.patronage.points.membership.PointsAccountOpened;
import org.axonframework.eventhandling.DomainEventMessage;

import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A member's balance in the read model: the fold of the account's events. The live projection applies the
 * same {@link BalanceChange}s one event at a time; a rebuild folds the log with {@link #replay}. The figures are
 * added exactly, and a poisoned event (beyond {@link LedgerLimits}, stored by an older version) is never folded:
 * like the account, which is frozen at it, a fold stops there.
 *
 * @param version sequence number of the last account event folded in
 */
public record Balance(String memberId, String chainId, long balance, long lifetimeEarned, long lifetimeRedeemed,
                      long version) {

    static Balance opened(PointsAccountOpened event, long sequence) {
        return new Balance(event.memberId(), event.chainId(), 0, 0, 0, sequence);
    }

    /**
     * The balance after {@code event}; {@code current} is {@code null} before the account was opened.
     *
     * @throws PointsOverflowException for a poisoned event, saying which and why
     */
    static Balance fold(@Nullable Balance current, PointsAccountEvent event, long sequence) {
        if (event instanceof PointsAccountOpened opened) {
            return opened(opened, sequence);
        }
        if (current == null) {
            throw new IllegalStateException("event " + sequence + " of " + event.memberId() + " before its opening");
        }
        String violation = Poisoned.violation(event);
        if (violation != null) {
            throw new PointsOverflowException("event " + sequence + " of member " + event.memberId() + ", " + violation
                    + ": the account is frozen at it");
        }
        BalanceChange change = BalanceChange.of(event);
        return new Balance(current.memberId, current.chainId, LedgerLimits.add(current.balance, change.balanceDelta()),
                LedgerLimits.add(current.lifetimeEarned, change.earned()),
                LedgerLimits.add(current.lifetimeRedeemed, change.redeemed()), sequence);
    }

    /** Whether the balance is one the ledger can have; a stored one beyond the ceiling was written wrapped. */
    boolean withinLimits() {
        return balance >= -LedgerLimits.BALANCE && balance <= LedgerLimits.BALANCE;
    }

    /**
     * Folds one account's stored events in sequence order, each sequence number once and none after
     * {@code upTo}; {@code null} when there is nothing to fold.
     */
    static Balance replay(Stream<? extends DomainEventMessage<?>> events, long upTo) {
        return replay(events, upTo, reason -> { });
    }

    /** {@link #replay}, stopping before a poisoned event: {@code poisoned} is told why, the balance before it returned. */
    static Balance replay(Stream<? extends DomainEventMessage<?>> events, long upTo, Consumer<String> poisoned) {
        MemberPoints points = MemberPoints.replay(events, upTo, poisoned);
        return points == null ? null : points.balance();
    }
}
