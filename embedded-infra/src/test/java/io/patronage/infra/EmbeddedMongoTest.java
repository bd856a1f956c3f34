package io.patronage.infra;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.connection.ServerDescription;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoTest {

    private static EmbeddedMongo mongo;
    private static MongoClient client;

    @BeforeAll
    static void start() {
        mongo = EmbeddedMongo.inMemory();
        client = MongoClients.create(mongo.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        mongo.close();
    }

    private static MongoCollection<Document> collection(TestInfo test) {
        return client.getDatabase("patronage").getCollection(test.getTestMethod().orElseThrow().getName());
    }

    @Test
    void reportsAWireVersionTheDriverAccepts() {
        // mongo-java-server answers the legacy isMaster, not hello.
        Document isMaster = client.getDatabase("admin").runCommand(new Document("isMaster", 1));

        assertTrue(isMaster.getInteger("maxWireVersion") >= ServerDescription.MIN_DRIVER_WIRE_VERSION, isMaster::toJson);
    }

    @Test
    void findsAnInsertedDocumentById(TestInfo test) {
        MongoCollection<Document> members = collection(test);
        members.insertOne(new Document("_id", "member-1").append("tier", "gold"));

        assertEquals("gold", members.find(eq("_id", "member-1")).first().getString("tier"));
    }

    @Test
    void findsDocumentsByIdIn(TestInfo test) {
        MongoCollection<Document> members = collection(test);
        members.insertMany(List.of(new Document("_id", "a"), new Document("_id", "b"), new Document("_id", "c")));

        List<Object> found = members.find(in("_id", List.of("a", "c", "missing"))).map(document -> document.get("_id"))
                .into(new ArrayList<>());

        assertEquals(List.of("a", "c"), found.stream().sorted().toList());
    }

    @Test
    void unorderedInsertManyReportsEachDuplicateByIndexAndInsertsTheRest(TestInfo test) {
        MongoCollection<Document> events = collection(test);
        events.insertOne(new Document("_id", "event-2"));
        List<Document> batch = List.of(
                new Document("_id", "event-1"),
                new Document("_id", "event-2"),
                new Document("_id", "event-3"),
                new Document("_id", "event-1"));

        MongoBulkWriteException failure = assertThrows(MongoBulkWriteException.class,
                () -> events.insertMany(batch, new InsertManyOptions().ordered(false)));

        assertEquals(List.of(1, 3), failure.getWriteErrors().stream().map(BulkWriteError::getIndex).toList());
        failure.getWriteErrors().forEach(error -> {
            assertEquals(11000, error.getCode());
            assertEquals(ErrorCategory.DUPLICATE_KEY, ErrorCategory.fromErrorCode(error.getCode()));
        });
        // mongo-java-server reports the batch size as insertedCount, so count what is stored instead.
        assertEquals(3, events.countDocuments());
    }

    @Test
    void persistentDataSurvivesARestart(@TempDir Path dataDir) {
        try (EmbeddedMongo persistent = EmbeddedMongo.persistent(dataDir, 0);
             MongoClient persistentClient = MongoClients.create(persistent.connectionString())) {
            persistentClient.getDatabase("patronage").getCollection("members")
                    .insertOne(new Document("_id", "member-1").append("tier", "gold"));
        }

        try (EmbeddedMongo persistent = EmbeddedMongo.persistent(dataDir, 0);
             MongoClient persistentClient = MongoClients.create(persistent.connectionString())) {
            Document member = persistentClient.getDatabase("patronage").getCollection("members")
                    .find(eq("_id", "member-1")).first();
            assertEquals("gold", member.getString("tier"));
        }
    }
}
