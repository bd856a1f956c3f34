package io.patronage.bench.measure;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import io.patronage.bench.platform.Progress;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Grows points-service's event log to a target size for the rebuild measurement without pushing every event
 * through the earn path: the accounts the earn run produced are copied, whole, under new member ids (each event
 * document and its payload get the copy's member id and a new event id; each balance document is copied too),
 * so the copies are valid accounts whose balances the rebuild must reproduce. Inserted straight into the store
 * with the driver, in large unordered batches.
 */
final class EventLogCopies {

    private static final int BATCH = 10_000;

    private EventLogCopies() {
    }

    /** Copies accounts until {@code domainevents} holds at least {@code target} events; returns the copies' events. */
    static long growTo(MongoDatabase database, long target) {
        MongoCollection<Document> events = database.getCollection("domainevents");
        MongoCollection<Document> balances = database.getCollection("balances");
        long existing = events.countDocuments();
        if (existing == 0 || existing >= target) {
            return 0;
        }
        List<Document> originals = events.find().into(new ArrayList<>());
        List<Document> originalBalances = balances.find().into(new ArrayList<>());
        Progress progress = new Progress("event log");
        List<Document> pending = new ArrayList<>(BATCH);
        long copied = 0;
        for (int copy = 1; existing + copied < target; copy++) {
            for (Document original : originals) {
                pending.add(copyOf(original, copy));
                if (pending.size() == BATCH) {
                    copied += insert(events, pending);
                    long total = existing + copied;
                    progress.tick(() -> "copying accounts: " + Fmt.count(total) + "/" + Fmt.count(target) + " events");
                }
            }
            List<Document> copiedBalances = new ArrayList<>(originalBalances.size());
            for (Document balance : originalBalances) {
                Document twin = new Document(balance);
                twin.put("_id", copyId(balance.getString("_id"), copy));
                copiedBalances.add(twin);
            }
            if (!copiedBalances.isEmpty()) {
                insert(balances, copiedBalances);
            }
        }
        copied += insert(events, pending);
        progress.print(Fmt.count(existing + copied) + " events (" + Fmt.count(copied) + " in copies of the earn run's "
                + "accounts)");
        return copied;
    }

    private static Document copyOf(Document event, int copy) {
        String memberId = event.getString("aggregateIdentifier");
        String twin = copyId(memberId, copy);
        Document document = new Document(event);
        document.put("_id", new ObjectId());
        document.put("aggregateIdentifier", twin);
        document.put("eventIdentifier", UUID.randomUUID().toString());
        Object payload = event.get("serializedPayload");
        if (payload instanceof String text) {
            document.put("serializedPayload", text.replace(memberId, twin));
        }
        return document;
    }

    /** The same member id for the same original and copy number, across events and balances. */
    private static String copyId(String memberId, int copy) {
        return UUID.nameUUIDFromBytes((memberId + "#" + copy).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static int insert(MongoCollection<Document> collection, List<Document> documents) {
        int count = documents.size();
        if (count > 0) {
            collection.insertMany(documents, new InsertManyOptions().ordered(false));
            documents.clear();
        }
        return count;
    }
}
