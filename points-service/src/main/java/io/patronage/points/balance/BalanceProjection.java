package io.patronage.points.balance;

import io.patronage.points.account.PointsAccountEvent;
import io.patronage.points.account.Lot;
import io.patronage.points.account.PointsAccountOpened;
import io.patronage.points.account.PointsAdjusted;
import io.patronage.points.account.PointsAwarded;
import io.patronage.points.account.PointsEarned;
import io.patronage.points.account.TierChanged;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the balance read model: one conditional update per event. Idempotent, and self-healing: when the
 * stored version is not the previous event (an update was lost), the member's balance is folded again
 * from the event store.
 */
public class BalanceProjection {

    private final BalanceStore store;
    private final EventStore eventStore;

    public BalanceProjection(BalanceStore store, EventStore eventStore) {
        this.store = store;
        this.eventStore = eventStore;
    }

    /** When a new lot (its expiry notice or expiry) or a new tier first needs the scheduled review. */
    static Instant reviewAt(PointsAccountEvent event) {
        Lot lot = null;
        if (event instanceof PointsEarned earned) {
            lot = earned.lot();
        } else if (event instanceof PointsAwarded awarded) {
            lot = awarded.lot();
        } else if (event instanceof PointsAdjusted adjusted) {
            lot = adjusted.lot();
        } else if (event instanceof TierChanged changed && changed.toTier() != null) {
            return changed.changedAt().plus(Duration.ofDays(1));
        }
        if (lot == null) {
            return null;
        }
        return lot.noticeAt() != null ? lot.noticeAt() : lot.expiresAt();
    }

    @EventHandler
    void on(PointsAccountEvent event, @SequenceNumber long sequence) {
        if (event instanceof PointsAccountOpened opened) {
            store.insert(Balance.opened(opened, sequence));
        } else if (!store.applyNext(event.memberId(), BalanceChange.of(event), reviewAt(event), sequence)) {
            boolean applied = store.find(event.memberId()).map(b -> b.version() >= sequence).orElse(false);
            if (!applied) {
                Balance rebuilt = Balance.replay(eventStore.readEvents(event.memberId(), 0).asStream(), sequence);
                if (rebuilt != null) {
                    store.replace(rebuilt);
                }
            }
        }
    }
}
