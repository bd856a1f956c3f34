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
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Makes a unit of work's append all or nothing. Its events, of many aggregates, go to Mongo in one insert, and
 * without transactions an insert that fails half-way (another instance appended to one of the aggregates first:
 * a sequence number collision) leaves the events before the failing one stored although the unit of work rolls
 * back — so their commands, retried, find them and emit nothing, and they are never projected nor published. So
 * when an append fails, the events of it that were stored are deleted again before the failure goes on.
 * <p>
 * The same holds when the append succeeds and the unit of work rolls back after it: the event store appends in the
 * prepare-commit phase, before the subscribing processors (the balance projection) handle the events, so a failure
 * there would leave stored events of a command that answered an error, never projected nor published. So an
 * append also deletes its events again when its unit of work rolls back before the processors have handled them
 * (see {@link #takeBackOnRollback}). Nothing has read them meanwhile: they are published after the commit, and the
 * aggregate's lock is held until the unit of work ends.
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
                undo(messages, "append failed (" + failure.getClass().getSimpleName() + ")", failure);
            }
            throw failure;
        }
        CurrentUnitOfWork.ifStarted(unitOfWork -> takeBackOnRollback(unitOfWork.root(), messages));
    }

    /**
     * Deletes the events again when the unit of work rolls back before the subscribing processors have all handled
     * them. After that, the read models may write what the events did in the commit phase (the balance projection
     * does), so on a later rollback the events stay, as what those read models agree with.
     */
    private void takeBackOnRollback(UnitOfWork<?> root, List<? extends EventMessage<?>> messages) {
        AtomicBoolean handled = new AtomicBoolean();
        // prepare-commit handlers run in the order they were registered: this one after the event processors
        root.onPrepareCommit(prepared -> handled.set(true));
        root.onRollback(rolledBack -> {
            if (handled.get()) {
                LOG.warn("unit of work rolled back after its events were handled: its {} stored events stay (read "
                        + "models may have applied them)", messages.size());
            } else {
                undo(messages, "unit of work rolled back after its append", null);
            }
        });
    }

    /** @param failure gets a failure to delete as suppressed; {@code null} when there is none to report it on */
    private void undo(List<? extends EventMessage<?>> messages, String why, RuntimeException failure) {
        try {
            long deleted = events.deleteMany(Filters.in(eventIdentifier,
                    messages.stream().map(EventMessage::getIdentifier).toList())).getDeletedCount();
            if (deleted > 0) {
                LOG.info("{}: took back the {} of its {} events already stored", why, deleted, messages.size());
            }
        } catch (RuntimeException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
            LOG.error("{}, and the {} events already stored could not be taken back: {}", why, messages.size(),
                    e.toString());
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
