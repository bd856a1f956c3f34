package io.patronage.kit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.contracts.Topics;
import io.patronage.kit.kafka.EventPublisher;
import io.patronage.kit.publication.PublicationCheckpoint;
import io.patronage.kit.lifecycle.ServiceInstance;
import io.patronage.kit.publication.PublicationRecovery;
import io.patronage.testsupport.KafkaProbe;
import io.patronage.testsupport.TestInfrastructure;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Republication is exact: what the store holds and Kafka lacks is published, once; what Kafka has is not published
 * again; a dead instance's checkpoint is recovered by a live one, and a clean stop leaves nothing to recover. The
 * service's handlers are brought up to date with a dead instance's events before they are published again: while
 * that fails, nothing is.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicationRecoveryIT implements TestPropertyProvider {

    private final String database = "kit-publication-it-" + UUID.randomUUID();
    private final MongoClient mongo = MongoClients.create(TestInfrastructure.mongoUri());
    private final KafkaProbe kafka = new KafkaProbe();

    @Inject
    EventStore eventStore;

    @Inject
    EventPublisher publisher;

    @Inject
    PublicationRecovery recovery;

    @Inject
    PublicationCheckpoint checkpoint;

    @Inject
    ServiceInstance instance;

    @Inject
    EventStorageEngine storage;

    @Inject
    RecordingRecovery handlers;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties(database, Map.of("patronage.mongo.database", database,
                "patronage.publication.checkpoint-interval", "1h"));
    }

    @AfterAll
    void close() {
        mongo.close();
        kafka.close();
    }

    @Test
    void publishesAgainExactlyWhatTheStoreHoldsAndKafkaLacks() {
        Instant before = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS); // as Mongo keeps it
        String published = UUID.randomUUID().toString();
        String lost = UUID.randomUUID().toString();
        store(published);
        publisher.flush();
        publisher.capture(() -> store(lost)); // stored, but the process "died" before sending it

        long sent = recovery.republishSince(before, instance.id());
        publisher.flush();

        assertEquals(1, sent, "only the publication missing from Kafka");
        Map<String, Long> copies = copiesOnKafka(Set.of(published, lost));
        assertEquals(Map.of(published, 1L, lost, 1L), copies);
    }

    @Test
    void aDeadInstancesCheckpointIsRecoveredByALiveOneAndThenRemoved() {
        Instant before = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS); // as Mongo keeps it
        String lost = UUID.randomUUID().toString();
        storage.appendEvents(GenericEventMessage.asEventMessage(new RecordingPublisher.SampleHappened(lost))
                .andMetaData(Map.of(PublicationRecovery.STORED_BY, "crashed-instance")));
        String inFlight = UUID.randomUUID().toString();
        publisher.capture(() -> store(inFlight)); // this live instance's, as if its send had not come back yet
        MongoCollection<Document> checkpoints = mongo.getDatabase(database).getCollection("publication_checkpoints");
        checkpoints.insertOne(new Document("_id", "publication:crashed-instance")
                .append("publishedUntil", Date.from(before))
                .append("heartbeatAt", Date.from(Instant.now().minus(Duration.ofMinutes(10)))));

        checkpoint.checkpoint();

        assertEquals(Map.of(lost, 1L), copiesOnKafka(Set.of(lost)));
        assertEquals(Map.of(), copiesOnKafka(Set.of(inFlight)), "a live instance's events are its own to publish");
        assertNull(checkpoints.find(new Document("_id", "publication:crashed-instance")).first(), "recovered and removed");
        assertTrue(handlers.recovered.contains(before + " crashed-instance"), "the service's handlers got its events: "
                + handlers.recovered);
        Instant own = checkpoint.saved();
        assertTrue(own != null && own.isBefore(Instant.now()), "this instance keeps its own checkpoint: " + own);
    }

    @Test
    void nothingIsPublishedAgainBeforeTheServicesHandlersAreUpToDate() {
        Instant before = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS); // as Mongo keeps it
        String lost = UUID.randomUUID().toString();
        storage.appendEvents(GenericEventMessage.asEventMessage(new RecordingPublisher.SampleHappened(lost))
                .andMetaData(Map.of(PublicationRecovery.STORED_BY, "unhandled-instance")));
        MongoCollection<Document> checkpoints = mongo.getDatabase(database).getCollection("publication_checkpoints");
        Document dead = new Document("_id", "publication:unhandled-instance").append("publishedUntil", Date.from(before))
                .append("heartbeatAt", Date.from(Instant.now().minus(Duration.ofMinutes(10))));
        checkpoints.insertOne(dead);
        handlers.failure = new IllegalStateException("MongoDB unreachable");

        assertThrows(IllegalStateException.class, checkpoint::checkpoint);

        assertEquals(Map.of(), copiesOnKafka(Set.of(lost)), "not announced while its handlers have not run");
        assertTrue(checkpoints.find(new Document("_id", "publication:unhandled-instance")).first() != null,
                "kept, to be recovered again");

        handlers.failure = null;
        checkpoints.replaceOne(new Document("_id", "publication:unhandled-instance"), dead); // dead again
        checkpoint.checkpoint();

        assertEquals(Map.of(lost, 1L), copiesOnKafka(Set.of(lost)));
        assertEquals(2, handlers.recovered.stream().filter((before + " unhandled-instance")::equals).count(),
                "the same range once more");
    }

    @Test
    void aCleanStopWithEverythingPublishedLeavesNothingToRecover() {
        store(UUID.randomUUID().toString());
        checkpoint.checkpoint();
        assertTrue(checkpoint.saved() != null);

        checkpoint.stop();

        assertNull(checkpoint.saved(), "nothing left for the next start to publish again");
        checkpoint.checkpoint();
        assertTrue(checkpoint.saved() != null, "a checkpoint after the stop starts the instance's document again");
    }

    private void store(String id) {
        DefaultUnitOfWork.startAndGet(null).execute(() ->
                eventStore.publish(GenericEventMessage.asEventMessage(new RecordingPublisher.SampleHappened(id))));
    }

    /** How many records of each member id are on the members topic, read to its end. */
    private Map<String, Long> copiesOnKafka(Set<String> memberIds) {
        publisher.flush();
        List<String> found = kafka.records(Topics.MEMBERS.name()).stream()
                .map(ConsumerRecord::key).filter(memberIds::contains).toList();
        return found.stream().collect(Collectors.groupingBy(id -> id, Collectors.counting()));
    }
}
