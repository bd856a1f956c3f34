package io.patronage.kit.publication;

import io.micronaut.context.annotation.Requires;
import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.notifications.NotificationRequested;
import io.patronage.kit.axon.AxonModule;
import io.patronage.kit.kafka.EventPublisher;
import jakarta.inject.Singleton;
import org.axonframework.config.Configurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;

import java.time.Instant;

/**
 * Publishes the integration events the service's {@link IntegrationEventMapper} makes of each stored domain event;
 * it registers itself with Axon.
 * <p>
 * Runs in a subscribing processor, i.e. in the command's unit of work during prepare-commit, after the event store
 * appended the events (Axon 4.12 {@code AbstractEventStore.prepareCommit} stores, then hands the events to the
 * processors). Publication waits for the root unit of work to commit, so Kafka only ever hears of changes that
 * succeeded. Being in the {@value PublicationRecovery#PROCESSING_GROUP} processing group, it is run again over the
 * events stored since the last publication checkpoint at startup and after a failed send, so a crash between
 * storing and publishing loses nothing; the {@link #ceId} of a fact is the same every time, so consumers
 * recognise a re-publication.
 */
@Singleton
@Requires(beans = IntegrationEventMapper.class)
@ProcessingGroup(PublicationRecovery.PROCESSING_GROUP)
public class IntegrationEventPublisher implements AxonModule {

    private final EventPublisher kafka;
    private final IntegrationEventMapper mapper;

    public IntegrationEventPublisher(EventPublisher kafka, IntegrationEventMapper mapper) {
        this.kafka = kafka;
        this.mapper = mapper;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.eventProcessing().registerEventHandler(config -> this);
    }

    @EventHandler
    public void on(Object event, @MessageIdentifier String eventId, @Timestamp Instant storedAt) {
        for (IntegrationEventMapper.Publication publication : mapper.map(event, eventId, storedAt)) {
            kafka.publishAfterCommit(publication.event(), ceId(publication.event(), eventId), publication.time());
        }
    }

    /**
     * A request to notify a member is identified by its notification id, which its producer derives from what it
     * is about (the notifier sends one message per id); any other integration event by its domain event's id.
     */
    public static String ceId(IntegrationEvent event, String domainEventId) {
        return event instanceof NotificationRequested notification ? notification.notificationId() : domainEventId;
    }
}
