package io.patronage.infra;

import static com.mongodb.client.model.Filters.eq;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the embedded store's file holds after a delete: never the deleted values in clear. */
class EncryptedStoreFileTest {

    private static final String ERASED = "Zenobia-Quixley-1961-07-23";
    private static final String KEPT = "Yolanthe-Vexworth";

    @Test
    void aDeletedProfileCannotBeReadFromTheFileWhileTheServerRunsOrAfter(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mongo.mv");
        try (EmbeddedMongo mongo = EmbeddedMongo.persistent(dir, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> members = client.getDatabase("patronage-enrollment").getCollection("members");
            long empty = Files.size(file);
            members.insertOne(new Document("_id", "kept").append("name", KEPT));
            awaitWrittenPast(file, empty);
            long before = Files.size(file);
            members.insertOne(new Document("_id", "erased").append("name", ERASED).append("pad", "x".repeat(8192)));
            awaitWrittenPast(file, before);
            members.deleteOne(eq("_id", "erased"));
            long deleted = Files.size(file);
            members.insertOne(new Document("_id", "after").append("pad", "y".repeat(8192)));
            awaitWrittenPast(file, deleted);

            assertFalse(contains(file, ERASED), "the deleted profile is not in the running store's file");
            assertFalse(contains(file, KEPT), "nothing is in the file in clear");
        }
        assertFalse(contains(file, ERASED), "nor after the store is closed");

        try (EmbeddedMongo mongo = EmbeddedMongo.persistent(dir, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> members = client.getDatabase("patronage-enrollment").getCollection("members");
            assertEquals(KEPT, members.find(eq("_id", "kept")).first().getString("name"), "the data survives a restart");
            assertEquals(2, members.countDocuments());
        }
    }

    @Test
    void anUnencryptedStoreOfAnEarlierVersionIsEncryptedAtTheFirstStartAndLosesWhatWasDeleted(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("mongo.mv");
        MongoServer earlier = new MongoServer(new H2Backend(file.toString()));
        earlier.bind("localhost", 0);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + earlier.getLocalAddress().getPort())) {
            MongoCollection<Document> members = client.getDatabase("patronage-enrollment").getCollection("members");
            members.insertOne(new Document("_id", "kept").append("name", KEPT));
            long before = Files.size(file);
            members.insertOne(new Document("_id", "erased").append("name", ERASED).append("pad", "x".repeat(8192)));
            awaitWrittenPast(file, before);
            members.deleteOne(eq("_id", "erased"));
        }
        earlier.shutdown();
        assertTrue(contains(file, ERASED), "the unencrypted file of an earlier version still holds the deleted profile");

        try (EmbeddedMongo mongo = EmbeddedMongo.persistent(dir, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> members = client.getDatabase("patronage-enrollment").getCollection("members");
            assertEquals(KEPT, members.find(eq("_id", "kept")).first().getString("name"));
            assertEquals(1, members.countDocuments());
        }
        assertTrue(Files.exists(dir.resolve("mongo.key")));
        assertFalse(contains(file, ERASED), "the converted file holds only the live data");
        assertFalse(contains(file, KEPT), "encrypted");
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no copy or key left half-written: " + dir);
        }
    }

    @Test
    void aStoreWithAnotherInstallationsKeyIsRefusedWithAClearMessage(@TempDir Path dir) throws Exception {
        EmbeddedMongo.persistent(dir, 0).close();
        Files.writeString(dir.resolve("mongo.key"), "c29tZSBvdGhlciBpbnN0YWxsYXRpb24ncyBrZXkgISE=\n");

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> EmbeddedMongo.persistent(dir, 0));

        assertTrue(refused.getMessage().contains("cannot be opened with the key in"), refused.getMessage());
    }

    /** The store writes in the background about once a second: wait until it has written past {@code size}. */
    private static void awaitWrittenPast(Path file, long size) {
        await("the store wrote the document to its file").atMost(Duration.ofSeconds(10))
                .until(() -> Files.size(file) > size);
    }

    private static boolean contains(Path file, String value) throws Exception {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(value);
    }
}
