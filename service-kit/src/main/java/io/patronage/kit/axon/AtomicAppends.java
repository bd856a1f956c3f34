package io.patronage.kit.axon;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Makes a unit of work's append all or nothing. Its events, of many aggregates, go to Mongo in one insert, and
 * without transactions an insert that fails half-way (another instance appended to one of the aggregates first:
 * a sequence number collision) leaves the events before the failing one stored although the unit of work rolls
 * back — so their commands, retried, find them and emit nothing, and they are never projected nor published. So
 * when an append fails, the events of it that were stored are deleted again before the failure goes on.
 */
final class AtomicAppends implements EventStorageEngine {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicAppends.class);

    private final EventStorageEngine delegate;
    private final MongoCollection<Document> events;
    private final String eventIdentifier = EventEntryConfiguration.getDefault().eventIdentifierProperty();

    AtomicAppends(EventStorageEngine delegate, MongoCollection<Document> events) {
        this.delegate = delegate;
        this.events = events;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> messages) {
        try {
            delegate.appendEvents(messages);
        } catch (RuntimeException failure) {
            if (messages.size() > 1) {
                undo(messages, failure);
            }
            throw failure;
        }
    }

    private void undo(List<? extends EventMessage<?>> messages, RuntimeException failure) {
        try {
            long deleted = events.deleteMany(Filters.in(eventIdentifier,
                    messages.stream().map(EventMessage::getIdentifier).toList())).getDeletedCount();
            if (deleted > 0) {
                LOG.info("append of {} events failed ({}); took back the {} of them already stored", messages.size(),
                        failure.getClass().getSimpleName(), deleted);
            }
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            LOG.error("append of {} events failed and the ones already stored could not be taken back: {}",
                    messages.size(), e.toString());
        }
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return delegate.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}
