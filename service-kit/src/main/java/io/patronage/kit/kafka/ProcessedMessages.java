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

import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which messages a listener has already processed, keyed by {@code _id = <listener>:<messageId>}
 * (the only index mongo-java-server serves), with the {@link Fingerprint} of what each said so that a resend
 * with other content is told apart from a plain duplicate. One query and one insert per batch.
 */
@Singleton
public class ProcessedMessages {

    private static final String FINGERPRINT = "fingerprint";

    private final MongoCollection<Document> collection;

    ProcessedMessages(MongoDatabase database) {
        this.collection = database.getCollection("processed_messages");
    }

    /**
     * @return the fingerprint of each message id already processed; {@code null} for one recorded before
     *         fingerprints were kept (unknown content, taken as the same)
     */
    public Map<String, String> alreadyProcessed(String listener, Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        List<String> keys = messageIds.stream().map(id -> listener + ":" + id).toList();
        Map<String, String> processed = new HashMap<>();
        int prefix = listener.length() + 1;
        for (Document document : collection.find(Filters.in("_id", keys))
                .projection(Projections.include("_id", FINGERPRINT))) {
            processed.put(document.getString("_id").substring(prefix), document.getString(FINGERPRINT));
        }
        return processed;
    }

    /** @param fingerprints message id → fingerprint of the messages just processed */
    public void markProcessed(String listener, Map<String, String> fingerprints) {
        if (fingerprints.isEmpty()) {
            return;
        }
        Date now = new Date();
        List<Document> documents = fingerprints.entrySet().stream()
                .map(processed -> new Document("_id", listener + ":" + processed.getKey())
                        .append("at", now)
                        .append(FINGERPRINT, processed.getValue()))
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
