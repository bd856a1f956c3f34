package io.patronage.points.balance;

import io.patronage.points.ledger.PointsAccountEvent;
import jakarta.inject.Singleton;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Instant;
import java.util.List;

/** A member's events from the event store, for the views the projection does not keep (one read per request). */
@Singleton
class AccountHistory {

    private final EventStore eventStore;

    AccountHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    List<Entry> of(String memberId) {
        return eventStore.readEvents(memberId).asStream()
                .filter(message -> message.getPayload() instanceof PointsAccountEvent)
                .map(Entry::new)
                .toList();
    }

    record Entry(long sequence, Instant at, String eventId, PointsAccountEvent event) {
        Entry(DomainEventMessage<?> message) {
            this(message.getSequenceNumber(), message.getTimestamp(), message.getIdentifier(),
                    (PointsAccountEvent) message.getPayload());
        }
    }
}
