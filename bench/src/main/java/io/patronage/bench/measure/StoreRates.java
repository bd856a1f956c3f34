package io.patronage.bench.measure;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.patronage.bench.platform.Progress;
import org.bson.Document;
import org.bson.RawBsonDocument;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;

/**
 * What the embedded store itself can do, measured with the MongoDB driver on a scratch database of the
 * same server: the ceiling under the hot path. Documents are shaped and sized like Axon's one-document-per-event
 * entries holding a PointsEarned.
 */
public final class StoreRates {

    private static final int BATCH = 500;
    private static final int SINGLE_OPERATIONS = 3_000;
    private static final long SINGLE_OPERATIONS_NANOS = Duration.ofSeconds(4).toNanos();

    /**
     * @param accounts balance documents the updates ran against (as many as members)
     * @param conditionalUpdatePerSecond {@code updateOne({_id, version})}, the shape of an optimistic
     *                                   projection update: the _id index serves only a query on _id alone
     */
    public record Result(int documentBytes, int accounts, double insertManyPerSecond, double insertOnePerSecond,
                         double updateByIdPerSecond, double conditionalUpdatePerSecond, double findByIdPerSecond) {
    }

    private StoreRates() {
    }

    public static Result measure(MongoClient mongo, int documents, int members, Report report) {
        MongoDatabase scratch = mongo.getDatabase("bench-scratch");
        scratch.drop();
        Progress progress = new Progress("store");
        try {
            MongoCollection<Document> events = scratch.getCollection("events");
            int documentBytes = RawBsonDocument.parse(eventEntry(0).toJson()).getByteBuffer().remaining();

            long start = System.nanoTime();
            List<Document> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < documents; i++) {
                batch.add(eventEntry(i));
                if (batch.size() == BATCH || i == documents - 1) {
                    events.insertMany(batch);
                    batch = new ArrayList<>(BATCH);
                    int done = i + 1;
                    progress.tick(() -> "insertMany " + Fmt.count(done) + "/" + Fmt.count(documents));
                }
            }
            double insertMany = documents / seconds(start);

            MongoCollection<Document> single = scratch.getCollection("single");
            double insertOne = rate(i -> single.insertOne(eventEntry(i)));

            // As many balance documents as members: a query the _id index cannot serve scans them all.
            int accounts = Math.max(1_000, members);
            MongoCollection<Document> balances = accounts(scratch.getCollection("balances"), accounts);
            double update = rate(i -> balances.updateOne(Filters.eq("_id", "member-" + (i % accounts)),
                    Updates.combine(Updates.inc("balance", 10L), Updates.inc("version", 1L))));
            MongoCollection<Document> versioned = accounts(scratch.getCollection("versioned"), accounts);
            long[] versions = new long[accounts];
            double conditionalUpdate = rate(i -> {
                int account = i % accounts;
                versioned.updateOne(
                        Filters.and(Filters.eq("_id", "member-" + account), Filters.eq("version", versions[account])),
                        Updates.combine(Updates.inc("balance", 10L), Updates.set("version", ++versions[account])));
            });
            double find = rate(i -> balances.find(Filters.eq("_id", "member-" + (i % accounts))).first());

            Result result = new Result(documentBytes, accounts, insertMany, insertOne, update, conditionalUpdate, find);
            progress.print("insertMany " + Fmt.rate(insertMany) + " docs/s, insertOne " + Fmt.rate(insertOne)
                    + "/s, updateOne by _id " + Fmt.rate(update) + "/s, by _id+version " + Fmt.rate(conditionalUpdate)
                    + "/s, find by _id " + Fmt.rate(find) + "/s");
            report(result, documents, report);
            return result;
        } finally {
            scratch.drop();
        }
    }

    private static void report(Result result, int documents, Report report) {
        report.row("store: insertMany (batches of " + BATCH + ", " + result.documentBytes() + " B docs)",
                Fmt.rate(result.insertManyPerSecond()) + " docs/s");
        report.row("store: insertOne, one round trip each", Fmt.rate(result.insertOnePerSecond()) + " docs/s");
        report.row("store: updateOne by _id ($inc)", Fmt.rate(result.updateByIdPerSecond()) + " ops/s");
        report.row("store: updateOne by {_id, version}, " + Fmt.count(result.accounts()) + " docs",
                Fmt.rate(result.conditionalUpdatePerSecond()) + " ops/s (not indexed: scans the collection)");
        report.row("store: find by _id", Fmt.rate(result.findByIdPerSecond()) + " ops/s");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("documents", documents);
        json.put("documentBytes", result.documentBytes());
        json.put("insertManyBatch", BATCH);
        json.put("insertManyDocsPerSecond", Fmt.round(result.insertManyPerSecond()));
        json.put("insertOneDocsPerSecond", Fmt.round(result.insertOnePerSecond()));
        json.put("updateOneByIdPerSecond", Fmt.round(result.updateByIdPerSecond()));
        json.put("balanceDocuments", result.accounts());
        json.put("updateOneByIdAndVersionPerSecond", Fmt.round(result.conditionalUpdatePerSecond()));
        json.put("findByIdPerSecond", Fmt.round(result.findByIdPerSecond()));
        report.put("storeRates", json);
    }

    /** Like axon-mongo's EventEntry of a PointsEarned: identifiers, a JSON payload as a string, metadata. */
    private static Document eventEntry(int sequence) {
        String memberId = UUID.nameUUIDFromBytes(("member-" + sequence % 2_000).getBytes(StandardCharsets.UTF_8)).toString();
        String payload = "{\"memberId\":\"" + memberId + "\",\"chainId\":\"chain-01-eur\","
                + "\"transactionId\":\"S00017-T4-" + sequence + "\",\"storeId\":\"S00017\",\"currency\":\"EUR\","
                + "\"amount\":37.85,\"eligibleAmount\":37.85,"
                + "\"points\":37,\"ruleVersion\":\"default-v1\",\"breakdown\":[{\"rule\":\"base\",\"points\":37}],"
                + "\"occurredAt\":\"2026-11-27T07:14:03.412+02:00\",\"lot\":{\"lotId\":\"chain-01-eur:S00017-T4-"
                + sequence + "\",\"points\":37,\"earnedAt\":\"2026-11-27T05:14:03.412Z\"},\"balanceAfter\":1234}";
        return new Document("aggregateIdentifier", memberId)
                .append("type", "PointsAccount")
                .append("sequenceNumber", (long) sequence)
                .append("timestamp", Instant.now().toString())
                .append("payloadType", "io.patronage.points.earning.PointsEarned")
                .append("payloadRevision", null)
                .append("serializedPayload", payload)
                .append("serializedMetaData", "{\"traceId\":\"" + UUID.randomUUID() + "\",\"correlationId\":\""
                        + UUID.randomUUID() + "\"}")
                .append("eventIdentifier", UUID.randomUUID().toString());
    }

    private static MongoCollection<Document> accounts(MongoCollection<Document> collection, int count) {
        List<Document> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < count; i++) {
            batch.add(new Document("_id", "member-" + i).append("balance", 0L).append("version", 0L));
            if (batch.size() == BATCH || i == count - 1) {
                collection.insertMany(batch);
                batch = new ArrayList<>(BATCH);
            }
        }
        return collection;
    }

    /** Operations per second, one round trip each, for at most 3,000 operations or four seconds. */
    private static double rate(IntConsumer operation) {
        long start = System.nanoTime();
        int done = 0;
        while (done < SINGLE_OPERATIONS && System.nanoTime() - start < SINGLE_OPERATIONS_NANOS) {
            operation.accept(done++);
        }
        return done / seconds(start);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
