package io.patronage.kit.kafka;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import jakarta.inject.Singleton;
import org.bson.Document;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which messages a listener has already processed, keyed by {@code _id = <listener>:<messageId>}
 * (the only index mongo-java-server serves). One query and one insert per batch.
 */
@Singleton
public class ProcessedMessages {

    private final MongoCollection<Document> collection;

    ProcessedMessages(MongoDatabase database) {
        this.collection = database.getCollection("processed_messages");
    }

    public Set<String> alreadyProcessed(String listener, Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Set.of();
        }
        List<String> keys = messageIds.stream().map(id -> listener + ":" + id).toList();
        Set<String> processed = new HashSet<>();
        int prefix = listener.length() + 1;
        for (Document document : collection.find(Filters.in("_id", keys)).projection(Projections.include("_id"))) {
            processed.add(document.getString("_id").substring(prefix));
        }
        return processed;
    }

    public void markProcessed(String listener, Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        List<Document> documents = messageIds.stream()
                .map(id -> new Document("_id", listener + ":" + id).append("at", java.util.Date.from(now)))
                .toList();
        try {
            collection.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            boolean onlyDuplicates = e.getWriteErrors().stream()
                    .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyDuplicates) {
                throw e;
            }
        }
    }
}
