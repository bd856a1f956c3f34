package io.patronage.kit.publication;

import jakarta.inject.Singleton;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Publishes again what the event store holds since an instant, through the service's
 * {@value #PROCESSING_GROUP} handlers: the ones that turn domain events into integration events and
 * publish them after their unit of work commits, with the domain event's id as {@code ce_id}. Consumers
 * deduplicate on {@code ce_id}, so an event published twice counts once; an event stored but never
 * published (a crash, or Kafka unreachable for longer than the producer's delivery timeout) is published
 * now. One ordered pass over the log from that instant.
 */
@Singleton
public class PublicationRecovery {

    /** Put a service's integration-event publishers in this processing group to make them recoverable. */
    public static final String PROCESSING_GROUP = "publication";

    private static final Logger LOG = LoggerFactory.getLogger(PublicationRecovery.class);

    private final Configuration axon;
    private final EventStorageEngine storage;

    PublicationRecovery(Configuration axon, EventStorageEngine storage) {
        this.axon = axon;
        this.storage = storage;
    }

    /** @return how many stored events were handed to the publishers again */
    public long republishSince(Instant since) {
        Optional<EventHandlerInvoker> publishers = axon.eventProcessingConfiguration()
                .eventProcessor(PROCESSING_GROUP, EventProcessor.class)
                .filter(SubscribingEventProcessor.class::isInstance)
                .map(processor -> ((SubscribingEventProcessor) processor).eventHandlerInvoker());
        if (publishers.isEmpty()) {
            return 0;
        }
        AtomicLong count = new AtomicLong();
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(storage.createTokenAt(since), false)) {
            events.forEach(event -> {
                if (publishers.get().canHandle(event, Segment.ROOT_SEGMENT)) {
                    DefaultUnitOfWork.startAndGet(event).execute(() -> handle(publishers.get(), event));
                    count.incrementAndGet();
                }
            });
        }
        if (count.get() > 0) {
            LOG.info("published {} stored events again, from {} on", count.get(), since);
        }
        return count.get();
    }

    private static void handle(EventHandlerInvoker publishers, TrackedEventMessage<?> event) {
        try {
            publishers.handle(event, Segment.ROOT_SEGMENT);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish stored event " + event.getIdentifier() + " again", e);
        }
    }
}
