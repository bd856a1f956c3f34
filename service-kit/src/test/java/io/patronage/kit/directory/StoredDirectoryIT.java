package io.patronage.kit.directory;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.patronage.testsupport.TestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two instances of a service on one collection, as after a rebalance or during a rolling deploy. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredDirectoryIT {

    private final MongoClient client = MongoClients.create(TestInfrastructure.mongoUri());

    @AfterAll
    void close() {
        client.close();
    }

    private MongoCollection<Document> freshCollection() {
        return client.getDatabase("directory-it").getCollection("cards-" + UUID.randomUUID());
    }

    private static Document card(String key, String member) {
        return new Document("_id", key).append("memberId", member);
    }

    @Test
    void anEntryWrittenByAnotherInstanceIsFoundOnAMiss() {
        MongoCollection<Document> collection = freshCollection();
        StoredDirectory here = new StoredDirectory(collection, "memberId", 100);
        StoredDirectory there = new StoredDirectory(collection, "memberId", 100);

        assertEquals(Optional.empty(), here.get("athens:C-1"), "unknown everywhere");
        there.putAll(List.of(card("athens:C-1", "m1"), card("athens:C-2", "m2")));

        assertEquals(Optional.of("m1"), here.get("athens:C-1"), "a miss is not remembered as unknown");
        assertEquals(Map.of("athens:C-1", "m1", "athens:C-2", "m2"),
                here.getAll(List.of("athens:C-1", "athens:C-2", "athens:C-404")));
    }

    @Test
    void preloadFillsMemoryAndEvictionFallsBackToTheStore() {
        MongoCollection<Document> collection = freshCollection();
        new StoredDirectory(collection, "memberId", 100)
                .putAll(List.of(card("k1", "m1"), card("k2", "m2"), card("k3", "m3")));

        StoredDirectory small = new StoredDirectory(collection, "memberId", 2);
        assertEquals(3, small.preload());
        collection.deleteMany(new Document());

        assertEquals(Optional.of("m3"), small.get("k3"), "the most recent entries stay in memory");
        assertEquals(Optional.empty(), small.get("k1"), "the eldest was evicted, and the store no longer has it");
    }

    @Test
    void removalsReachTheStoreAndMemory() {
        MongoCollection<Document> collection = freshCollection();
        StoredDirectory directory = new StoredDirectory(collection, "memberId", 100);
        directory.putAll(List.of(card("k1", "m1"), card("k2", "m1"), card("k3", "m3")));

        directory.removeByValue("m1");
        directory.remove("k3");

        assertEquals(Map.of(), directory.getAll(List.of("k1", "k2", "k3")));
        assertEquals(0, collection.countDocuments());
    }
}
