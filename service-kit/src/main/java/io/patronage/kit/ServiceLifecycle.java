package io.patronage.kit;

import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.patronage.kit.chains.ChainDirectory;
import io.patronage.kit.kafka.KafkaConsumers;
import io.patronage.kit.kafka.TopicProvisioner;
import io.patronage.kit.publication.PublicationCheckpoint;
import jakarta.inject.Singleton;
import org.axonframework.config.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Starts a service in order — topics, then the chains, then Axon, then publishing again what may not have reached Kafka
 * before the last stop, then the Kafka consumers that feed it — and stops it in reverse, so no message is
 * consumed before its handlers exist or after they are gone. A service without Axon (no
 * {@link io.patronage.kit.axon.AxonModule}) skips Axon and the publication checkpoint.
 */
@Singleton
public class ServiceLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceLifecycle.class);

    private final TopicProvisioner topics;
    private final ChainDirectory chains;
    private final Optional<Configuration> axon;
    private final Optional<PublicationCheckpoint> publication;
    private final KafkaConsumers consumers;

    ServiceLifecycle(TopicProvisioner topics, ChainDirectory chains, Optional<Configuration> axon,
                     Optional<PublicationCheckpoint> publication, KafkaConsumers consumers) {
        this.topics = topics;
        this.chains = chains;
        this.axon = axon;
        this.publication = publication;
        this.consumers = consumers;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        topics.provision();
        chains.start();
        axon.ifPresent(Configuration::start);
        publication.ifPresent(PublicationCheckpoint::recover);
        consumers.start();
        LOG.info(axon.isPresent() ? "Axon started, Kafka consumers running" : "Kafka consumers running");
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        consumers.stop();
        chains.stop();
        axon.ifPresent(Configuration::shutdown);
        publication.ifPresent(PublicationCheckpoint::stop);
    }
}
