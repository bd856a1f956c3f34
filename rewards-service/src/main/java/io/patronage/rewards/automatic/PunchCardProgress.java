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

/**
 * Each member's progress on each punch card: collection {@code punch_card_progress},
 * {@code _id = <chainId>:<memberId>:<punchCardId>}, with {@code stamps} (qualifying visits, less those returned),
 * {@code rewarded} (cards a coupon was granted for), {@code transactions} (the purchases that stamped) and
 * {@code returned} (those whose stamp a whole return took back). Stamping and taking a stamp back are single-document
 * conditional updates, so a redelivered record counts once.
 */
@Singleton
class PunchCardProgress {

    private final MongoCollection<Document> progress;

    PunchCardProgress(MongoDatabase database) {
        this.progress = database.getCollection("punch_card_progress");
    }

    record Progress(long stamps, long rewarded) {
    }

    /** Stamps the card for the purchase, unless it did already; answers the progress after it. */
    Progress stamp(String chainId, String memberId, String punchCardId, String transactionId) {
        String id = key(chainId, memberId, punchCardId);
        try {
            Document after = progress.findOneAndUpdate(
                    Filters.and(Filters.eq("_id", id), Filters.ne("transactions", transactionId),
                            Filters.ne("returned", transactionId)),
                    Updates.combine(Updates.addToSet("transactions", transactionId), Updates.inc("stamps", 1L),
                            Updates.setOnInsert("rewarded", 0L)),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            return read(after);
        } catch (MongoServerException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return find(chainId, memberId, punchCardId); // stamped by this purchase before: the upsert collided
        }
    }

    /**
     * Takes back the stamp of a purchase that was returned (once: only while the purchase is among the stamps), and
     * remembers the purchase as returned, so that the purchase delivered again after its return stamps nothing.
     */
    void unstamp(String chainId, String memberId, String punchCardId, String transactionId) {
        progress.updateOne(Filters.and(Filters.eq("_id", key(chainId, memberId, punchCardId)),
                        Filters.eq("transactions", transactionId)),
                Updates.combine(Updates.pull("transactions", transactionId), Updates.addToSet("returned", transactionId),
                        Updates.inc("stamps", -1L)));
    }

    void rewarded(String chainId, String memberId, String punchCardId, long card) {
        progress.updateOne(Filters.eq("_id", key(chainId, memberId, punchCardId)), Updates.max("rewarded", card));
    }

    Progress find(String chainId, String memberId, String punchCardId) {
        return read(progress.find(Filters.eq("_id", key(chainId, memberId, punchCardId))).first());
    }

    private static Progress read(Document document) {
        return document == null ? new Progress(0, 0)
                : new Progress(((Number) document.get("stamps")).longValue(),
                        ((Number) document.get("rewarded")).longValue());
    }

    private static String key(String chainId, String memberId, String punchCardId) {
        return chainId + ":" + memberId + ":" + punchCardId;
    }
}
