package io.patronage.enrollment.identifiers;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import java.util.function.Supplier;

import static com.mongodb.client.model.Filters.eq;

/**
 * Values that must be unique across the platform (card numbers, referral codes), one Mongo document
 * per value with the value as {@code _id}. Inserting the document is the atomic claim: of two
 * concurrent claims on one value the store accepts exactly one, on any MongoDB (and on the embedded
 * Mongo-wire server, which indexes only {@code _id}). A claim is never released: if the enrollment
 * that claimed a value fails, the value is merely never used, which can never produce a duplicate.
 */
public final class ClaimRegistry {

    static final int MAX_ATTEMPTS = 10;

    private final MongoCollection<Document> claims;
    private final Clock clock;

    public ClaimRegistry(MongoDatabase database, String collection, Clock clock) {
        this.claims = database.getCollection(collection);
        this.clock = clock;
    }

    /** Claims the first free value {@code candidates} draws for the member, and returns it. */
    public String claimFree(Supplier<String> candidates, String memberId, String chainId) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            String candidate = candidates.get();
            if (claim(candidate, memberId, chainId)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free value in " + claims.getNamespace().getCollectionName()
                + " after " + MAX_ATTEMPTS + " draws: the number range is nearly exhausted");
    }

    /** The member holding {@code value}, if anyone does. */
    public Optional<String> holder(String value) {
        return Optional.ofNullable(claims.find(eq("_id", value)).first()).map(claim -> claim.getString("memberId"));
    }

    private boolean claim(String value, String memberId, String chainId) {
        try {
            claims.insertOne(new Document("_id", value)
                    .append("memberId", memberId)
                    .append("chainId", chainId)
                    .append("claimedAt", Date.from(clock.instant())));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
