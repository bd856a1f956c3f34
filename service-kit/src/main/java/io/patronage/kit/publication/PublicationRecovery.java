package io.patronage.kit.publication;

import io.patronage.kit.kafka.CloudEventHeaders;
import io.patronage.kit.kafka.EventPublisher;
import io.micronaut.context.annotation.Requires;
import io.patronage.kit.axon.AxonModule;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.ProducerRecord;
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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Publishes what the event store holds since an instant and Kafka does not: the service's
 * {@value #PROCESSING_GROUP} handlers (which turn domain events into integration events, with the domain event's
 * id as {@code ce_id}) run again over the stored events with their publications collected, and only those whose
 * {@code ce_id} is not on its topic yet are sent. So an event stored but never published (a crash, or Kafka
 * unreachable for longer than the producer's delivery timeout) is published now, and one that made it is not
 * published twice. Only the events one instance stored (tagged {@value #STORED_BY} when stored), as another
 * instance may still have its own in flight. One ordered pass over the log from that instant.
 */
@Singleton
@Requires(beans = AxonModule.class)
public class PublicationRecovery {

    /** The recoverable publishers' processing group: the kit's {@link IntegrationEventPublisher} is in it. */
    public static final String PROCESSING_GROUP = "publication";
    /** Event metadata: the instance that stored the event, whose publication checkpoint covers it. */
    public static final String STORED_BY = "storedBy";

    /** Records are timestamped by the clock of the instance that sent them; allow for instances' clocks to differ. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(PublicationRecovery.class);

    private final Configuration axon;
    private final EventStorageEngine storage;
    private final EventPublisher publisher;
    private final PublishedIds published;

    PublicationRecovery(Configuration axon, EventStorageEngine storage, EventPublisher publisher,
                        PublishedIds published) {
        this.axon = axon;
        this.storage = storage;
        this.publisher = publisher;
        this.published = published;
    }

    /**
     * @param storedBy the instance whose events to publish again (another instance's may still be in flight), or
     *                 {@code null} for every event: a checkpoint kept by a version that did not tag events
     * @return how many stored events' publications were missing from Kafka and were sent
     */
    public long republishSince(Instant since, String storedBy) {
        Optional<EventHandlerInvoker> publishers = axon.eventProcessingConfiguration()
                .eventProcessor(PROCESSING_GROUP, EventProcessor.class)
                .filter(SubscribingEventProcessor.class::isInstance)
                .map(processor -> ((SubscribingEventProcessor) processor).eventHandlerInvoker());
        if (publishers.isEmpty()) {
            return 0;
        }
        List<ProducerRecord<String, byte[]>> stored = publisher.capture(() -> replay(publishers.get(), since, storedBy));
        Set<String> topics = stored.stream().map(ProducerRecord::topic).collect(Collectors.toSet());
        Set<String> onKafka = published.since(topics, since.minus(CLOCK_SKEW));
        List<ProducerRecord<String, byte[]>> missing = stored.stream()
                .filter(record -> !onKafka.contains(CloudEventHeaders.get(record.headers(), CloudEventHeaders.ID)))
                .toList();
        missing.forEach(publisher::send);
        LOG.info("publication recovery from {}: {} publications of stored events, {} already on Kafka, {} sent again",
                since, stored.size(), stored.size() - missing.size(), missing.size());
        return missing.size();
    }

    private void replay(EventHandlerInvoker publishers, Instant since, String storedBy) {
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(storage.createTokenAt(since), false)) {
            events.filter(event -> storedBy == null || storedBy.equals(event.getMetaData().get(STORED_BY)))
                    .filter(event -> publishers.canHandle(event, Segment.ROOT_SEGMENT))
                    .forEach(event -> DefaultUnitOfWork.startAndGet(event).execute(() -> handle(publishers, event)));
        }
    }

    private static void handle(EventHandlerInvoker publishers, TrackedEventMessage<?> event) {
        try {
            publishers.handle(event, Segment.ROOT_SEGMENT);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish stored event " + event.getIdentifier() + " again", e);
        }
    }
}
