package io.patronage.kit;

import io.patronage.contracts.members.MemberOptedOut;
import io.patronage.kit.axon.AxonModule;
import io.patronage.kit.kafka.EventPublisher;
import io.patronage.kit.publication.PublicationRecovery;
import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test publisher in the recoverable processing group: records what it publishes after commit, and publishes it to
 * Kafka as a {@code MemberOptedOut} of member {@code id} with the domain event's id as {@code ce_id}.
 */
@Singleton
@ProcessingGroup(PublicationRecovery.PROCESSING_GROUP)
public class RecordingPublisher implements AxonModule {

    public static final String CHAIN = "kit-publication";

    public record SampleHappened(String id) {
    }

    final List<String> published = new CopyOnWriteArrayList<>();
    private final EventPublisher kafka;

    RecordingPublisher(EventPublisher kafka) {
        this.kafka = kafka;
    }

    @EventHandler
    void on(SampleHappened event, EventMessage<?> message) {
        CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> published.add(event.id()));
        kafka.publishAfterCommit(new MemberOptedOut(event.id(), CHAIN, message.getTimestamp()),
                message.getIdentifier(), message.getTimestamp());
    }

    @Override
    public void configure(org.axonframework.config.Configurer configurer) {
        configurer.eventProcessing().registerEventHandler(config -> this);
    }
}
