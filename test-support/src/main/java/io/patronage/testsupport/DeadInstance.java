package io.patronage.testsupport;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import static org.awaitility.Awaitility.await;

/**
 * What a {@code kill -9} leaves of an instance in its service's database: its publication checkpoint, its heartbeat
 * long gone. A live instance claims it (after {@code patronage.publication.dead-after}), recovers what the dead one
 * stored since {@code publishedUntil} and removes it.
 */
public final class DeadInstance {

    private DeadInstance() {
    }

    /** Leaves the dead instance's checkpoint and waits until a live instance has recovered it. */
    public static void recovered(MongoDatabase database, String instance, Instant publishedUntil, Duration patience) {
        MongoCollection<Document> checkpoints = database.getCollection("publication_checkpoints");
        checkpoints.insertOne(new Document("_id", "publication:" + instance)
                .append("publishedUntil", Date.from(publishedUntil))
                .append("heartbeatAt", Date.from(Instant.now().minus(Duration.ofHours(1)))));
        await().atMost(patience).until(() -> checkpoints.find(Filters.eq("_id", "publication:" + instance))
                .first() == null);
    }
}
