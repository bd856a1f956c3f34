package io.patronage.points.balance;

import io.patronage.points.account.PointsAccountEvent;
import io.patronage.points.account.PointsAccountOpened;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.EventStore;

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

    @EventHandler
    void on(PointsAccountEvent event, @SequenceNumber long sequence) {
        if (event instanceof PointsAccountOpened opened) {
            store.insert(Balance.opened(opened, sequence));
        } else if (!store.applyNext(event.memberId(), BalanceChange.of(event), sequence)) {
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
