package io.patronage.kit.axon;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.patronage.testsupport.TestInfrastructure;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.common.AxonException;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A unit of work's events of several aggregates are stored all together or not at all, on the Mongo protocol. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AtomicAppendsIT {

    private final MongoClient mongo = MongoClients.create(TestInfrastructure.mongoUri());
    private final MongoTemplate template = DefaultMongoTemplate.builder()
            .mongoDatabase(mongo.getDatabase("atomic-appends-it-" + UUID.randomUUID())).build();
    private final AtomicAppends storage = new AtomicAppends(MongoEventStorageEngine.builder()
            .mongoTemplate(template).eventSerializer(JacksonSerializer.defaultSerializer())
            .snapshotSerializer(JacksonSerializer.defaultSerializer()).build(), template.eventCollection());

    @AfterAll
    void close() {
        mongo.close();
    }

    @Test
    void anAppendThatCollidesOnOneAggregateStoresNothingOfTheOthers() {
        String contested = "contested-" + UUID.randomUUID();
        String innocent = "innocent-" + UUID.randomUUID();
        storage.appendEvents(List.of(new GenericDomainEventMessage<>("Sample", contested, 0, "opened")));
        storage.appendEvents(List.of(new GenericDomainEventMessage<>("Sample", contested, 1, "another instance's")));

        assertThrows(AxonException.class, () -> storage.appendEvents(List.of(
                new GenericDomainEventMessage<>("Sample", innocent, 0, "first"),
                new GenericDomainEventMessage<>("Sample", innocent, 1, "second"),
                new GenericDomainEventMessage<>("Sample", contested, 1, "stale"))));

        assertEquals(0, storage.readEvents(innocent).asStream().count(), "the unit of work rolled back: nothing stored");
        assertEquals(List.of("opened", "another instance's"),
                storage.readEvents(contested).asStream().map(event -> event.getPayload()).toList());
    }

    @Test
    void aUnitOfWorkThatRollsBackAfterItsAppendLeavesNothingStored() {
        String member = "member-" + UUID.randomUUID();
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        // as the event store does in prepare-commit, before the subscribing processors handle the events
        unitOfWork.onPrepareCommit(u -> storage.appendEvents(List.of(
                new GenericDomainEventMessage<>("Sample", member, 0, "earned"),
                new GenericDomainEventMessage<>("Sample", member, 1, "tier changed"))));
        unitOfWork.onPrepareCommit(u -> {
            throw new IllegalStateException("the projection failed");
        });

        assertThrows(IllegalStateException.class, unitOfWork::commit);

        assertEquals(0, storage.readEvents(member).asStream().count(), "the command failed: none of its events stays");
        storage.appendEvents(List.of(new GenericDomainEventMessage<>("Sample", member, 0, "earned again")));
        assertEquals(List.of("earned again"), storage.readEvents(member).asStream().map(event -> event.getPayload())
                .toList(), "the retried command appends at the same sequence numbers");
    }

    @Test
    void aUnitOfWorkThatFailsInItsCommitPhaseKeepsItsEventsAsTheReadModelsMayHaveAppliedThem() {
        String member = "member-" + UUID.randomUUID();
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.onPrepareCommit(u -> {
            storage.appendEvents(List.of(new GenericDomainEventMessage<>("Sample", member, 0, "earned")));
            // as the balance projection registers its write while handling the events
            u.onCommit(committed -> {
                throw new IllegalStateException("the balance write failed half-way");
            });
        });

        assertThrows(IllegalStateException.class, unitOfWork::commit);

        assertEquals(1, storage.readEvents(member).asStream().count());
    }

    @Test
    void aUnitOfWorkThatCommitsKeepsItsEvents() {
        String member = "member-" + UUID.randomUUID();
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.onPrepareCommit(u -> storage.appendEvents(List.of(
                new GenericDomainEventMessage<>("Sample", member, 0, "earned"))));

        unitOfWork.commit();

        assertEquals(1, storage.readEvents(member).asStream().count());
    }
}
