package io.patronage.points.balance;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.inject.Singleton;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The balance read model in Mongo, one document per member ({@code _id = memberId}), written by the projection and
 * read by the queries. The same documents carry each member's next review ({@value #REVIEW_AT}, the review queue's)
 * and list the accounts that exist ({@link ExistingAccounts}); rebuilds replace them ({@link RebuiltBalances}).
 */
@Singleton
public class BalanceStore {

    public static final String COLLECTION = "balances";
    public static final String REVIEW_AT = "reviewAt";
    static final String LOTS = HoldingsDocument.LOTS;
    private static final int BATCH = 500;

    private final MongoCollection<Document> balances;

    BalanceStore(MongoDatabase database) {
        this.balances = database.getCollection(COLLECTION);
    }

    public Optional<Balance> find(String memberId) {
        return read(memberId).map(MemberPoints::balance);
    }

    /** The chain of the member's account, from its document ({@code chainId} alone); empty for no account. */
    Optional<String> chainOf(String memberId) {
        return Optional.ofNullable(balances.find(Filters.eq("_id", memberId))
                .projection(new Document("chainId", 1)).first()).map(document -> document.getString("chainId"));
    }

    /** The member's whole document, by {@code _id}. */
    Optional<MemberPoints> read(String memberId) {
        return Optional.ofNullable(balances.find(Filters.eq("_id", memberId)).first()).map(BalanceStore::points);
    }

    /**
     * Completes a document written before the read model kept the lots (or their origins) with what its version folds
     * to, unless it changed since it was read (then whoever changed it wrote it whole).
     */
    void complete(MemberPoints points) {
        Balance balance = points.balance();
        balances.updateOne(Filters.and(Filters.eq("_id", balance.memberId()), Filters.eq("version", balance.version()),
                Filters.or(Filters.exists(LOTS, false), Filters.elemMatch(LOTS, Filters.exists("source", false)))),
                Updates.combine(fields(points, Updates::set)));
    }

    /**
     * Writes members' absolute figures in one bulk write, each by {@code _id} alone (the only key the embedded
     * store serves from its index), creating a document that is missing; the earliest next review is kept. A new
     * account's opening figures are only written where there is no document yet (a redelivered opening changes
     * nothing): returns the members whose opening found their document already there.
     */
    Set<String> writeAll(Collection<Write> writes) {
        if (writes.isEmpty()) {
            return Set.of();
        }
        List<Write> ordered = List.copyOf(writes);
        List<UpdateOneModel<Document>> updates = ordered.stream().map(write -> new UpdateOneModel<Document>(
                Filters.eq("_id", write.memberId()), update(write), new UpdateOptions().upsert(true))).toList();
        BulkWriteResult result = balances.bulkWrite(updates, new BulkWriteOptions().ordered(false));
        Set<Integer> created = new HashSet<>();
        result.getUpserts().forEach(upsert -> created.add(upsert.getIndex()));
        Set<String> alreadyThere = new HashSet<>();
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).opening() && !created.contains(i)) {
                alreadyThere.add(ordered.get(i).memberId());
            }
        }
        return alreadyThere;
    }

    /** The version of each of these members' documents, read {@value #BATCH} at a time by {@code _id}. */
    Map<String, Long> versions(Collection<String> memberIds) {
        Map<String, Long> versions = new HashMap<>();
        List<String> ids = List.copyOf(memberIds);
        for (int from = 0; from < ids.size(); from += BATCH) {
            balances.find(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + BATCH))))
                    .projection(Projections.include("version"))
                    .forEach(document -> {
                        Number version = document.get("version", Number.class);
                        if (version != null) {
                            versions.put(document.getString("_id"), version.longValue());
                        }
                    });
        }
        return versions;
    }

    /** Brings each member's next review forward to the given instant, if it is earlier; by {@code _id} alone. */
    void keepEarliestReviews(Map<String, Instant> reviews) {
        List<UpdateOneModel<Document>> updates = reviews.entrySet().stream()
                .map(review -> new UpdateOneModel<Document>(Filters.eq("_id", review.getKey()),
                        Updates.min(REVIEW_AT, Date.from(review.getValue()))))
                .toList();
        for (int from = 0; from < updates.size(); from += BATCH) {
            balances.bulkWrite(updates.subList(from, Math.min(updates.size(), from + BATCH)),
                    new BulkWriteOptions().ordered(false));
        }
    }

    /**
     * Writes a member's figures unless their document changed since it was read at {@code readVersion}
     * ({@code null}: there was none then). Returns whether it was written.
     */
    boolean writeUnlessChanged(MemberPoints points, Long readVersion, Instant reviewAt) {
        String memberId = points.balance().memberId();
        Bson update = update(new Write(points, reviewAt));
        if (readVersion != null) {
            return balances.updateOne(Filters.and(Filters.eq("_id", memberId), Filters.eq("version", readVersion)),
                    update).getMatchedCount() == 1;
        }
        try {
            balances.updateOne(Filters.and(Filters.eq("_id", memberId), Filters.exists("version", false)), update,
                    new UpdateOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    private static Bson update(Write write) {
        List<Bson> updates = fields(write.points(), write.opening() ? Updates::setOnInsert : Updates::set);
        if (write.reviewAt() != null) {
            updates.add(Updates.min(REVIEW_AT, Date.from(write.reviewAt())));
        }
        return Updates.combine(updates);
    }

    private static List<Bson> fields(MemberPoints points, BiFunction<String, Object, Bson> set) {
        List<Bson> fields = new ArrayList<>();
        document(points).forEach((name, value) -> {
            if (!name.equals("_id")) {
                fields.add(set.apply(name, value));
            }
        });
        return fields;
    }

    /**
     * A member's document to write, with the earliest review its events need ({@code null}: none).
     *
     * @param opening the account's opening figures, written only if the member has no document yet
     */
    record Write(MemberPoints points, Instant reviewAt, boolean opening) {

        Write(MemberPoints points, Instant reviewAt) {
            this(points, reviewAt, false);
        }

        static Write opening(MemberPoints points) {
            return new Write(points, null, true);
        }

        String memberId() {
            return points.balance().memberId();
        }

        /** This write followed by the member's next one: the later figures, set whatever is stored. */
        Write then(MemberPoints next, Instant nextReviewAt) {
            Instant earliest = reviewAt == null || (nextReviewAt != null && nextReviewAt.isBefore(reviewAt))
                    ? nextReviewAt : reviewAt;
            return new Write(next, earliest);
        }
    }

    static Document document(MemberPoints points) {
        Balance balance = points.balance();
        Document document = new Document("_id", balance.memberId())
                .append("chainId", balance.chainId())
                .append("balance", balance.balance())
                .append("lifetimeEarned", balance.lifetimeEarned())
                .append("lifetimeRedeemed", balance.lifetimeRedeemed())
                .append("version", balance.version());
        return HoldingsDocument.append(points, document);
    }

    static MemberPoints points(Document document) {
        Balance balance = new Balance(document.getString("_id"), document.getString("chainId"),
                document.get("balance", Number.class).longValue(),
                document.get("lifetimeEarned", Number.class).longValue(),
                document.get("lifetimeRedeemed", Number.class).longValue(),
                document.get("version", Number.class).longValue());
        return HoldingsDocument.read(balance, document);
    }
}
