package io.patronage.points.review;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import io.patronage.points.balance.BalanceStore;
import jakarta.inject.Singleton;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.patronage.points.balance.BalanceStore.REVIEW_AT;

/**
 * When each account next needs the scheduled review, kept on its balance document ({@code reviewAt}): the balance
 * projection brings it forward for a new lot or tier, the review job takes what is due and sets the next one.
 */
@Singleton
class ReviewQueue {

    private final MongoCollection<Document> balances;

    ReviewQueue(MongoDatabase database) {
        this.balances = database.getCollection(BalanceStore.COLLECTION);
    }

    /** Members whose account needs the scheduled review (expiry, notice, tier) by {@code now}, with when it was due. */
    Map<String, Date> dueForReview(Instant now) {
        Map<String, Date> due = new LinkedHashMap<>();
        balances.find(Filters.lte(REVIEW_AT, Date.from(now)))
                .projection(new Document(REVIEW_AT, 1))
                .forEach(document -> due.put(document.getString("_id"), document.getDate(REVIEW_AT)));
        return due;
    }

    /** The earliest review scheduled, {@code null} when none is. */
    Instant nextDue() {
        Document first = balances.find(Filters.exists(REVIEW_AT)).projection(new Document(REVIEW_AT, 1))
                .sort(Sorts.ascending(REVIEW_AT)).limit(1).first();
        return first == null || first.getDate(REVIEW_AT) == null ? null : first.getDate(REVIEW_AT).toInstant();
    }

    /** Sets each member's next review, in one bulk write, unless a newer lot already moved it. */
    void scheduleReviews(Map<String, Date> previous, Map<String, Instant> next) {
        List<UpdateOneModel<Document>> writes = next.entrySet().stream()
                .map(entry -> new UpdateOneModel<Document>(
                        Filters.and(Filters.eq("_id", entry.getKey()), Filters.eq(REVIEW_AT, previous.get(entry.getKey()))),
                        entry.getValue() == null ? Updates.unset(REVIEW_AT)
                                : Updates.set(REVIEW_AT, Date.from(entry.getValue()))))
                .toList();
        if (!writes.isEmpty()) {
            balances.bulkWrite(writes);
        }
    }
}
