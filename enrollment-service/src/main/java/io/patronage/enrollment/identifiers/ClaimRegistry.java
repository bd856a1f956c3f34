package io.patronage.enrollment.identifiers;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.function.Supplier;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

/**
 * Values that must be unique (card numbers, referral codes, a chain's email addresses), one Mongo
 * document per value with the value as {@code _id}. Inserting the document is the atomic claim: of two
 * concurrent claims on one value the store accepts exactly one, on any MongoDB (and on the embedded
 * Mongo-wire server, which indexes only {@code _id}). Releasing and taking over are conditional on the
 * holder, so a member only ever gives up its own claim.
 */
public final class ClaimRegistry {

    static final int MAX_ATTEMPTS = 10;

    private final MongoCollection<Document> claims;
    private final Clock clock;

    public ClaimRegistry(MongoDatabase database, String collection, Clock clock) {
        this.claims = database.getCollection(collection);
        this.clock = clock;
    }

    /** Who holds a value, since when, and whether it is retired (kept so it is never reissued, but no longer in use). */
    public record Claim(String value, String memberId, String chainId, Instant claimedAt, boolean retired) {
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

    /** The member holding {@code value} while it is in use. */
    public Optional<String> holder(String value) {
        return find(value).filter(claim -> !claim.retired()).map(Claim::memberId);
    }

    public Optional<Claim> find(String value) {
        return Optional.ofNullable(claims.find(eq("_id", value)).first()).map(doc -> new Claim(doc.getString("_id"),
                doc.getString("memberId"), doc.getString("chainId"), doc.getDate("claimedAt").toInstant(),
                doc.get("retiredAt") != null));
    }

    /** Whether the member now holds {@code value}: false when someone else got it first. */
    public boolean claim(String value, String memberId, String chainId) {
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

    /** Hands the value from {@code staleHolder} to {@code memberId}, unless someone else took it meanwhile. */
    public boolean takeOver(String value, String staleHolder, String memberId, String chainId) {
        return claims.replaceOne(and(eq("_id", value), eq("memberId", staleHolder)), new Document("_id", value)
                .append("memberId", memberId)
                .append("chainId", chainId)
                .append("claimedAt", Date.from(clock.instant()))).getModifiedCount() == 1;
    }

    /** Frees the value if {@code memberId} holds it. */
    public void release(String value, String memberId) {
        claims.deleteOne(and(eq("_id", value), eq("memberId", memberId)));
    }

    /** Frees every value {@code memberId} holds. A scan of the collection: for erasures, which are rare. */
    public void releaseAllOf(String memberId) {
        claims.deleteMany(eq("memberId", memberId));
    }

    /** Keeps the value reserved for {@code memberId} but out of use, so it is never issued again. */
    public void retire(String value, String memberId) {
        claims.updateOne(and(eq("_id", value), eq("memberId", memberId)), Updates.set("retiredAt", Date.from(clock.instant())));
    }
}
