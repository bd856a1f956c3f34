package io.patronage.kit.axon;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.client.MongoDatabase;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.patronage.kit.json.Json;
import io.patronage.kit.lifecycle.ServiceInstance;
import io.patronage.kit.publication.PublicationRecovery;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

import java.util.List;
import java.util.Map;

/**
 * Axon, configured once for every service and without Spring: Mongo event store (one document per
 * event), Mongo token and saga stores, Jackson everywhere (never XStream), and subscribing event
 * processors so projections run in the command's unit of work without polling the store.
 * {@link io.patronage.kit.ServiceLifecycle} starts and stops it with Micronaut.
 * <p>
 * Only for a service that declares an {@link AxonModule}: one without aggregates or projections (analytics) gets no
 * event store, no Axon and no publication checkpoint.
 */
@Factory
@Requires(beans = AxonModule.class)
class AxonFactory {

    private static final Serializer EVENT_SERIALIZER = JacksonSerializer.builder().objectMapper(Json.mapper()).build();
    private static final Serializer STATE_SERIALIZER = JacksonSerializer.builder().objectMapper(stateMapper()).build();

    /**
     * Exposed so that one-pass readers (publication recovery, rebuilds) can stream the log directly. A service's
     * {@link EventUpcaster} beans read its stored events (e.g. events stored under a class name they no longer have).
     */
    @Singleton
    EventStorageEngine eventStorageEngine(MongoDatabase database,
                                          @Value("${patronage.axon.event-batch-size:1000}") int eventBatchSize,
                                          List<EventUpcaster> upcasters) {
        MongoTemplate template = DefaultMongoTemplate.builder().mongoDatabase(database).build();
        return new AtomicAppends(MongoEventStorageEngine.builder()
                .mongoTemplate(template)
                .eventSerializer(EVENT_SERIALIZER)
                .snapshotSerializer(STATE_SERIALIZER)
                .batchSize(eventBatchSize)
                .upcasterChain(new EventUpcasterChain(upcasters))
                .build(), template.eventCollection());
    }

    @Singleton
    Configuration axonConfiguration(MongoDatabase database,
                                    EventStorageEngine storageEngine,
                                    List<AxonModule> modules,
                                    ServiceInstance instance,
                                    BeanContext beans) {
        MongoTemplate template = DefaultMongoTemplate.builder().mongoDatabase(database).build();

        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(config -> STATE_SERIALIZER)
                .configureEventSerializer(config -> EVENT_SERIALIZER)
                .configureMessageSerializer(config -> EVENT_SERIALIZER)
                .configureEmbeddedEventStore(config -> storageEngine)
                .registerComponent(ParameterResolverFactory.class, config -> MultiParameterResolverFactory.ordered(
                        ClasspathParameterResolverFactory.forClass(AxonFactory.class),
                        new MicronautBeanParameterResolverFactory(beans)));
        configurer.eventProcessing()
                .usingSubscribingEventProcessors()
                .registerTokenStore(config -> MongoTokenStore.builder()
                        .mongoTemplate(template).serializer(STATE_SERIALIZER).build())
                .registerSagaStore(config -> MongoSagaStore.builder()
                        .mongoTemplate(template).serializer(STATE_SERIALIZER).build())
                // A projection or saga step that fails fails the command with it (Axon's default only logs), so
                // no view silently misses an event.
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance());
        modules.forEach(module -> module.configure(configurer));
        Configuration configuration = configurer.buildConfiguration();
        configuration.eventBus().registerDispatchInterceptor(events -> (index, event) ->
                event.andMetaData(Map.of(PublicationRecovery.STORED_BY, instance.id())));
        return configuration;
    }

    @Singleton
    CommandGateway commandGateway(Configuration configuration) {
        return configuration.commandGateway();
    }

    @Singleton
    QueryGateway queryGateway(Configuration configuration) {
        return configuration.queryGateway();
    }

    @Singleton
    EventStore eventStore(Configuration configuration) {
        return configuration.eventStore();
    }

    /** Snapshots, saga instances and tokens are plain objects: serialize their fields, not getters. */
    private static ObjectMapper stateMapper() {
        return Json.configure(JsonMapper.builder().build())
                .setVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.SETTER, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
    }
}
