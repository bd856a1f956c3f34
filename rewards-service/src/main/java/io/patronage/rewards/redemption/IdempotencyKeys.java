package io.patronage.rewards.redemption;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.inject.Singleton;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * The {@code Idempotency-Key}s of redemption requests: collection {@code idempotency_keys},
 * {@code _id = <memberId>/<key>}, holding the reward asked for and the redemption it made. The key is claimed by an
 * insert before anything is reserved, so two requests with one key (a double click, a retry after a timeout) make
 * one redemption however they interleave.
 */
@Singleton
class IdempotencyKeys {

    private final MongoCollection<Document> keys;

    IdempotencyKeys(MongoDatabase database) {
        this.keys = database.getCollection("idempotency_keys");
    }

    /** What a key was first used for. */
    record Use(String rewardId, String redemptionId) {
    }

    /** Claims the key for this request; answers the earlier use instead when the key was used before. */
    Optional<Use> claim(String memberId, String key, String rewardId, String redemptionId, Instant at) {
        String id = memberId + "/" + key;
        try {
            keys.insertOne(new Document("_id", id).append("rewardId", rewardId).append("redemptionId", redemptionId)
                    .append("at", Date.from(at)));
            return Optional.empty();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document earlier = keys.find(Filters.eq("_id", id)).first();
        if (earlier == null) { // given up by a failed request in between: try once more
            return claim(memberId, key, rewardId, redemptionId, at);
        }
        return Optional.of(new Use(earlier.getString("rewardId"), earlier.getString("redemptionId")));
    }

    /** A request that made no redemption gives its key up, so that retrying it can succeed. */
    void release(String memberId, String key, String redemptionId) {
        keys.deleteOne(Filters.and(Filters.eq("_id", memberId + "/" + key), Filters.eq("redemptionId", redemptionId)));
    }
}
