package io.patronage.points.balance;

import io.micronaut.core.annotation.Nullable;
import io.patronage.points.account.PointsAccountEvent;
import io.patronage.points.account.PointsAccountOpened;
import org.axonframework.eventhandling.DomainEventMessage;

import java.util.Iterator;
import java.util.stream.Stream;

/**
 * A member's balance in the read model: the fold of the account's events. The live projection applies the
 * same {@link BalanceChange}s one event at a time; a rebuild folds the log with {@link #replay}.
 *
 * @param version sequence number of the last account event folded in
 */
public record Balance(String memberId, String chainId, long balance, long lifetimeEarned, long lifetimeRedeemed,
                      long version) {

    static Balance opened(PointsAccountOpened event, long sequence) {
        return new Balance(event.memberId(), event.chainId(), 0, 0, 0, sequence);
    }

    /** The balance after {@code event}; {@code current} is {@code null} before the account was opened. */
    static Balance fold(@Nullable Balance current, PointsAccountEvent event, long sequence) {
        if (event instanceof PointsAccountOpened opened) {
            return opened(opened, sequence);
        }
        if (current == null) {
            throw new IllegalStateException("event " + sequence + " of " + event.memberId() + " before its opening");
        }
        BalanceChange change = BalanceChange.of(event);
        return new Balance(current.memberId, current.chainId, current.balance + change.balanceDelta(),
                current.lifetimeEarned + change.earned(), current.lifetimeRedeemed + change.redeemed(), sequence);
    }

    /**
     * Folds one account's stored events in sequence order, each sequence number once and none after
     * {@code upTo}; {@code null} when there is nothing to fold.
     */
    static Balance replay(Stream<? extends DomainEventMessage<?>> events, long upTo) {
        Balance balance = null;
        Iterator<? extends DomainEventMessage<?>> messages = events.iterator();
        while (messages.hasNext()) {
            DomainEventMessage<?> message = messages.next();
            long sequence = message.getSequenceNumber();
            boolean next = balance == null ? sequence == 0 : sequence == balance.version + 1;
            if (next && sequence <= upTo && message.getPayload() instanceof PointsAccountEvent event) {
                balance = fold(balance, event, sequence);
            }
        }
        return balance;
    }
}
