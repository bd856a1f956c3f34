package io.patronage.kit;

import io.patronage.kit.axon.AxonModule;
import io.patronage.kit.publication.PublicationRecovery;
import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test publisher in the recoverable processing group: records what it would publish after commit. */
@Singleton
@ProcessingGroup(PublicationRecovery.PROCESSING_GROUP)
public class RecordingPublisher implements AxonModule {

    public record SampleHappened(String id) {
    }

    final List<String> published = new CopyOnWriteArrayList<>();

    @EventHandler
    void on(SampleHappened event) {
        CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> published.add(event.id()));
    }

    @Override
    public void configure(org.axonframework.config.Configurer configurer) {
        configurer.eventProcessing().registerEventHandler(config -> this);
    }
}
