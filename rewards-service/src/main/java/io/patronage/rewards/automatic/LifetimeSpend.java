package io.patronage.rewards.automatic;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import jakarta.inject.Singleton;
import org.bson.Document;

import java.util.HashMap;
import java.util.Map;

/**
 * Each member's lifetime spend in the chain, for the spend milestones: collection {@code member_spend},
 * {@code _id = <chainId>:<memberId>}, with {@code spent} (minor units: purchases less returns), {@code counted} (the
 * purchases and returns counted, so a redelivered record counts once) and {@code granted.<milestoneId>} (milestones a
 * coupon was granted for). Each change is one conditional single-document update.
 */
@Singleton
class LifetimeSpend {

    private final MongoCollection<Document> spend;

    LifetimeSpend(MongoDatabase database) {
        this.spend = database.getCollection("member_spend");
    }

    record Spend(long spent, Map<String, Long> granted) {

        long granted(String milestoneId) {
            return granted.getOrDefault(milestoneId, 0L);
        }
    }

    /** Adds a purchase, unless it was counted already; answers the spend after it. */
    Spend purchased(String chainId, String memberId, String transactionId, long amount) {
        String id = chainId + ":" + memberId;
        try {
            return read(spend.findOneAndUpdate(
                    Filters.and(Filters.eq("_id", id), Filters.ne("counted", transactionId)),
                    Updates.combine(Updates.addToSet("counted", transactionId), Updates.inc("spent", amount)),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)));
        } catch (MongoServerException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return find(chainId, memberId); // counted before: the upsert collided
        }
    }

    /** Takes a return of a counted purchase off the spend, once per return. */
    void returned(String chainId, String memberId, String originalTransactionId, String returnId, long amount) {
        spend.updateOne(Filters.and(Filters.eq("_id", chainId + ":" + memberId),
                        Filters.eq("counted", originalTransactionId), Filters.ne("counted", returnId)),
                Updates.combine(Updates.addToSet("counted", returnId), Updates.inc("spent", -amount)));
    }

    void granted(String chainId, String memberId, String milestoneId, long milestone) {
        spend.updateOne(Filters.eq("_id", chainId + ":" + memberId), Updates.max("granted." + milestoneId, milestone));
    }

    Spend find(String chainId, String memberId) {
        return read(spend.find(Filters.eq("_id", chainId + ":" + memberId)).first());
    }

    private static Spend read(Document document) {
        if (document == null) {
            return new Spend(0, Map.of());
        }
        Document granted = document.get("granted", Document.class);
        Map<String, Long> byMilestone = new HashMap<>();
        if (granted != null) {
            granted.forEach((milestoneId, count) -> byMilestone.put(milestoneId, ((Number) count).longValue()));
        }
        return new Spend(((Number) document.get("spent")).longValue(), byMilestone);
    }
}
